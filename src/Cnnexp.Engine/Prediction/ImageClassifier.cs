using Cnnexp.Engine.Data;
using Cnnexp.Engine.Data.ImageFolders;
using Cnnexp.Engine.Modules;
using Cnnexp.Engine.Native;
using Cnnexp.Spec.Planning;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Prediction;

/// <summary>Logits and softmax probabilities of one image, one per class (float32, as the model computes them).</summary>
public sealed record ImageScores(float[] Logits, float[] Probabilities);

/// <summary>
/// Classifies image files with a trained model exactly as its data set's images were fed to it: decoded
/// and resized by <see cref="ImageDecoder"/> (luma when the data set has one channel), scaled to [0, 1]
/// or normalised as `data.normalize` says, then the model's own input transforms and layers.
/// </summary>
public static class ImageClassifier
{
    /// <summary>Images per forward pass; each batch runs in its own dispose scope.</summary>
    public const int BatchSize = 64;

    /// <summary>Decodes one file to <paramref name="shape"/> (C, H, W), resizing it when its size differs.</summary>
    public static PreparedImage Prepare(string path, Shape shape)
    {
        if (!File.Exists(path)) return new PreparedImage(path, null, 0, 0, $"`{path}` does not exist");
        var pixels = new byte[shape.Elements];
        string? error = ImageDecoder.Decode(new EncodedImage(path, 0, path), shape, resize: true, pixels, out var size);
        return new PreparedImage(path, error is null ? pixels : null, size.Width, size.Height, error);
    }

    /// <summary>The planned model with the weights of a run's <c>last.weights</c> or <c>best.weights</c>, in eval mode.</summary>
    public static Sequential Load(ModelPlan model, string weights)
    {
        NativeRuntime.EnsureLoaded();
        var module = ModelBuilder.Build(model);
        try { module.load(weights); }
        catch { module.Dispose(); throw; }
        module.eval();
        return module;
    }

    /// <summary>Scores every image (all prepared without error), <see cref="BatchSize"/> at a time.</summary>
    public static IReadOnlyList<ImageScores> Score(Sequential module, IReadOnlyList<PreparedImage> images, Shape shape, Normalization? normalization)
    {
        module.eval();
        using var noGrad = no_grad();
        var scores = new List<ImageScores>(images.Count);
        for (int start = 0; start < images.Count; start += BatchSize)
        {
            using var scope = NewDisposeScope();
            var batch = images.Skip(start).Take(BatchSize).ToList();
            var bytes = new byte[batch.Count * shape.Elements];
            for (int i = 0; i < batch.Count; i++) batch[i].Pixels!.CopyTo(bytes, i * shape.Elements);
            var pixels = tensor(bytes, shape.WithBatch(batch.Count));                                    // (N, C, H, W) uint8
            var x = normalization is { } n ? n.Apply(pixels) : pixels.to_type(ScalarType.Float32).div_(255f);   // (N, C, H, W) float32
            var logits = Autocast.ToFloat(module.forward(x));                                            // (N, classes)
            var probabilities = softmax(logits, 1);                                                      // (N, classes)
            float[] l = logits.data<float>().ToArray(), p = probabilities.data<float>().ToArray();
            int k = (int)logits.shape[1];
            for (int i = 0; i < batch.Count; i++)
                scores.Add(new ImageScores(l[(i * k)..((i + 1) * k)], p[(i * k)..((i + 1) * k)]));
        }
        return scores;
    }
}
