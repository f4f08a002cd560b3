using SkiaSharp;

namespace Cnnexp.Cli.Tests;

/// <summary>
/// Two short runs trained once for the predict tests: `tiny` (synthetic RGB, models rgb and sum, one
/// epoch) and `gray` (an image folder loaded with `channels: 1` and `normalize`), plus fixed images.
/// </summary>
public sealed class PredictRun : IAsyncLifetime
{
    public string Root { get; } = Cli.TempDir();
    public string Rgb => Path.Combine(Root, "rgb-run");
    public string Gray => Path.Combine(Root, "gray-run");
    /// <summary>32x32 images (the synthetic set's size): a.png, c.jpg, sub/b.png, and notes.txt, which is no image.</summary>
    public string Images => Path.Combine(Root, "images");
    /// <summary>Three 32x32 PNGs only (MODEL.py reads PNGs without PIL).</summary>
    public string Pngs => Path.Combine(Root, "pngs");
    /// <summary>Four 16x16 PNGs, the gray run's size.</summary>
    public string SmallPngs => Path.Combine(Root, "small");

    const string Tiny = """
        name: tiny
        seeds: [0]
        data: { dataset: synthetic, batch_size: 32, limit: 200 }
        train: { epochs: 1, optimizer: { type: adam, lr: 0.003 } }
        models:
          rgb:
            layers: [conv2d: { out: 4, kernel: 3, padding: 1 }, relu, maxpool2d: { kernel: 4 }, flatten, linear: { out: 10 }]
          sum:
            extends: rgb
            input: [channel_sum]
        """;

    public async Task InitializeAsync()
    {
        Image(Path.Combine(Images, "a.png"), 32, 32, 1);
        Image(Path.Combine(Images, "c.jpg"), 32, 32, 2, SKEncodedImageFormat.Jpeg);
        Image(Path.Combine(Images, "sub", "b.png"), 32, 32, 3);
        File.WriteAllText(Path.Combine(Images, "notes.txt"), "not an image");
        for (int i = 0; i < 3; i++) Image(Path.Combine(Pngs, $"p{i}.png"), 32, 32, 10 + i);
        for (int i = 0; i < 4; i++) Image(Path.Combine(SmallPngs, $"s{i}.png"), 16, 16, 20 + i);
        await Train(Tiny, Rgb);

        string folder = Path.Combine(Root, "folder");
        for (int i = 0; i < 8; i++)
        {
            Image(Path.Combine(folder, "dark", $"{i}.png"), 16, 16, i);
            Image(Path.Combine(folder, "light", $"{i}.png"), 16, 16, 100 + i);
        }
        await Train($"""
            name: gray
            seeds: [0]
            data: {"{"} dataset: imagefolder, path: {folder}, channels: 1, test_fraction: 0.25, batch_size: 4, normalize: {"{"} mean: [0.45], std: [0.3] {"}"} {"}"}
            train: {"{"} epochs: 1 {"}"}
            models:
              g:
                layers: [conv2d: {"{"} out: 2, kernel: 3 {"}"}, relu, flatten, linear: {"{"} out: 2 {"}"}]
            """, Gray);
    }

    static async Task Train(string yaml, string outDir)
    {
        string spec = outDir + ".yaml";
        File.WriteAllText(spec, yaml);
        var r = await Cli.Run("run", spec, "--out", outDir, "--threads", "1", "--quiet");
        Assert.True(r.ExitCode == 0, r.Output);
    }

    /// <summary>An image whose pixel (x, y) is a function of (seed, x, y), as PNG or JPEG.</summary>
    public static void Image(string path, int width, int height, int seed, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)(seed * 40 + x * 5), (byte)(y * 7 + seed * 3), (byte)(seed * 13 + x * y)));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var data = bitmap.Encode(format, 95);
        File.WriteAllBytes(path, data.ToArray());
    }

    public Task DisposeAsync()
    {
        Scratch.Delete(Root);
        return Task.CompletedTask;
    }
}
