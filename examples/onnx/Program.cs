// Classifies images with a model exported by `cnnexp export RUN --format onnx`, using only ONNX Runtime
// (and SkiaSharp to decode the image): no cnnexp, no TorchSharp.
//
//   dotnet run --project examples/onnx -- runs/sumfirst/export/standard-seed0.onnx cat.png [more.png ...]
//
// The file takes raw (N, C, H, W) floats in [0, 1]: cnnexp put its input transforms and the
// normalisation inside the graph, and wrote the class names and the input shape in its metadata.
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: OnnxClassify MODEL.onnx IMAGE...");
    return 2;
}

using var session = new InferenceSession(args[0]);
var meta = session.ModelMetadata.CustomMetadataMap;
string[] classes = JsonSerializer.Deserialize<string[]>(meta["classes"])!;
int[] dims = session.InputMetadata["input"].Dimensions;          // (N, C, H, W), N = -1: any batch
int c = dims[1], h = dims[2], w = dims[3];

int status = 0;
foreach (string path in args[1..])
{
    float[]? pixels = Decode(path, c, h, w);
    if (pixels is null)
    {
        Console.Error.WriteLine($"{path}: not an image SkiaSharp can decode");
        status = 2;
        continue;
    }
    using var input = OrtValue.CreateTensorValueFromMemory(pixels, [1, c, h, w]);
    using var run = new RunOptions();
    using var outputs = session.Run(run, ["input"], [input], ["logits"]);
    float[] p = Softmax(outputs[0].GetTensorDataAsSpan<float>());   // (classes)
    foreach (int k in Enumerable.Range(0, p.Length).OrderByDescending(k => p[k]).Take(Math.Min(3, p.Length)))
        Console.WriteLine($"{path}\t{classes[k]}\t{p[k]:F6}");
}
return status;

// (C, H, W) floats in [0, 1], row by row; resized to H x W if the image has another size, gray for C = 1.
static float[]? Decode(string path, int c, int h, int w)
{
    using var decoded = SKBitmap.Decode(path);
    if (decoded is null) return null;
    using var bitmap = decoded.Width == w && decoded.Height == h ? decoded.Copy() : decoded.Resize(new SKImageInfo(w, h), new SKSamplingOptions(SKFilterMode.Linear));
    var x = new float[c * h * w];
    for (int y = 0; y < h; y++)
        for (int i = 0; i < w; i++)
        {
            SKColor px = bitmap.GetPixel(i, y);
            float[] rgb = [px.Red / 255f, px.Green / 255f, px.Blue / 255f];
            for (int ch = 0; ch < c; ch++)
                x[(ch * h + y) * w + i] = c == 1 ? (px.Red * 0.299f + px.Green * 0.587f + px.Blue * 0.114f) / 255f : rgb[ch];
        }
    return x;
}

static float[] Softmax(ReadOnlySpan<float> logits)
{
    float max = float.NegativeInfinity;
    foreach (float v in logits) max = Math.Max(max, v);
    var e = new float[logits.Length];
    double sum = 0;
    for (int k = 0; k < e.Length; k++) sum += e[k] = MathF.Exp(logits[k] - max);
    for (int k = 0; k < e.Length; k++) e[k] = (float)(e[k] / sum);
    return e;
}
