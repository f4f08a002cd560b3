using System.Diagnostics;
using Cnnexp.Engine.Export;
using Cnnexp.Engine.Modules;
using Cnnexp.Engine.Native;
using Cnnexp.Engine.Tests.Training;
using Cnnexp.Engine.Training;
using SkiaSharp;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Tests.Onnx;

/// <summary>
/// examples/onnx, a program with only ONNX Runtime and SkiaSharp, builds, and classifies a PNG with an
/// exported model as TorchSharp does: the same top three classes, probabilities within 1e-5.
/// </summary>
[Collection("training")]
public class OnnxExampleTests
{
    [Fact]
    public void The_example_classifies_a_png_as_torchsharp_does()
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        var plan = TinyRun.Plan(TinyRun.TwoModels);
        var model = plan.Model("sum");                                    // channel_sum inside the graph: the program feeds raw RGB
        string dir = TinyRun.NewDir();
        Directory.CreateDirectory(dir);
        try
        {
            using var scope = NewDisposeScope();
            using var module = UnitRandom.Initialise(0, () => ModelBuilder.Build(model));
            OnnxCase.Train(plan, model, module);
            string onnx = OnnxExporter.Write(module, model, plan, Path.Combine(dir, "sum-seed0.onnx"));
            string png = Path.Combine(dir, "image.png");
            byte[] rgb = WritePng(png, 32, 32);

            module.eval();
            var x = tensor(rgb.Select(b => b / 255f).ToArray()).reshape(32, 32, 3).permute(2, 0, 1).unsqueeze(0);   // (H, W, 3) -> (1, 3, H, W)
            float[] p;
            using (no_grad()) p = nn.functional.softmax(module.forward(x), 1).data<float>().ToArray();               // (classes)
            var expected = Enumerable.Range(0, p.Length).OrderByDescending(k => p[k]).Take(3).ToList();

            string program = Path.Combine(dir, "program");
            Run("dotnet", ["build", ShippedExperimentTests.RepoPath("examples", "onnx", "OnnxClassify.csproj"), "-o", program]);
            var lines = Run("dotnet", [Path.Combine(program, "OnnxClassify.dll"), onnx, png]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(3, lines.Length);
            for (int i = 0; i < 3; i++)
            {
                string[] cells = lines[i].Split('\t');
                Assert.Equal(plan.Dataset.Classes[expected[i]], cells[1]);
                Assert.Equal(p[expected[i]], double.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture), 1e-5);
            }
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    /// <summary>A PNG of fixed random colours; returns its pixels as (H, W, 3) bytes.</summary>
    static byte[] WritePng(string path, int w, int h)
    {
        var random = new Random(17);
        var rgb = new byte[h * w * 3];
        random.NextBytes(rgb);
        using var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Opaque));
        for (int y = 0; y < h; y++)
            for (int i = 0; i < w; i++)
                bitmap.SetPixel(i, y, new SKColor(rgb[(y * w + i) * 3], rgb[(y * w + i) * 3 + 1], rgb[(y * w + i) * 3 + 2]));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
        return rgb;
    }

    static string Run(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {process.ExitCode}:\n{stdout.Result}\n{stderr}");
        return stdout.Result;
    }
}
