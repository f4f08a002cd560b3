using Cnnexp.Spec.Transforms;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Data;

/// <summary>
/// Per-channel (x - mean) / std with x in [0, 1], as torchvision's ToTensor + Normalize, folded
/// into one scale and one shift per channel so a whole batch costs one conversion and two passes.
/// </summary>
public sealed record Normalization(IReadOnlyList<double> Mean, IReadOnlyList<double> Std)
{
    public static Normalization? From(Normalize? spec, int channels) =>
        spec is null ? null : new Normalization(spec.MeanFor(channels), spec.StdFor(channels));

    /// <summary>uint8 (N, C, H, W) → float32 (N, C, H, W).</summary>
    public Tensor Apply(Tensor pixels)
    {
        int c = (int)pixels.shape[1];
        if (c != Mean.Count) throw new ArgumentException($"normalisation has {Mean.Count} channel(s), images have {c}");
        using var scale = tensor(Std.Select(s => (float)(1 / (255 * s))).ToArray(), [1, c, 1, 1]);   // (1, C, 1, 1)
        using var shift = tensor(Mean.Zip(Std, (m, s) => (float)(-m / s)).ToArray(), [1, c, 1, 1]);   // (1, C, 1, 1)
        return pixels.to_type(ScalarType.Float32).mul_(scale).add_(shift);
    }

    /// <summary>The per-channel mean and standard deviation of a split's pixels in [0, 1] units.</summary>
    public static Normalization Measure(ImageSplit split, int chunk = 4096)
    {
        int c = (int)split.Images.shape[1];
        var sum = new double[c];
        var squares = new double[c];
        for (long start = 0; start < split.Count; start += chunk)
        {
            using var scope = NewDisposeScope();
            var x = split.Images.narrow(0, start, Math.Min(chunk, split.Count - start)).to_type(ScalarType.Float64).div_(255);  // (n, C, H, W)
            var s = x.sum([0, 2, 3]).data<double>().ToArray();
            var q = x.square().sum([0, 2, 3]).data<double>().ToArray();
            for (int i = 0; i < c; i++) { sum[i] += s[i]; squares[i] += q[i]; }
        }
        double n = (double)split.Count * split.Images.shape[2] * split.Images.shape[3];
        var mean = sum.Select(s => s / n).ToArray();
        var std = squares.Select((q, i) => Math.Sqrt(Math.Max(0, q / n - mean[i] * mean[i]))).ToArray();
        return new Normalization(mean, std);
    }
}
