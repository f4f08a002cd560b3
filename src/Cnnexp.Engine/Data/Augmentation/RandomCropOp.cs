using TorchSharp;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Data.Augmentation;

/// <summary>
/// Zero-pads each side by <see cref="Padding"/>, then takes a window of the original size at a
/// random offset per image — torchvision's RandomCrop(size, padding) — for the whole batch at once:
/// `unfold` views every possible window without copying, and one advanced index picks each
/// image's window (three times faster than two gathers with per-pixel index tensors).
/// </summary>
public sealed record RandomCropOp(int Padding) : AugmentOp
{
    public override string ToString() => $"random_crop (padding {Padding})";

    public override Tensor Apply(Tensor images, Random rng)
    {
        if (Padding == 0) return images.clone();
        long n = images.shape[0], h = images.shape[2], w = images.shape[3];
        int span = 2 * Padding + 1;
        var dy = new long[n];
        var dx = new long[n];
        for (int i = 0; i < n; i++) { dy[i] = rng.Next(span); dx[i] = rng.Next(span); }
        using var scope = NewDisposeScope();
        var padded = nn.functional.pad(images, [Padding, Padding, Padding, Padding]);   // (N, C, H+2p, W+2p)
        var windows = padded.unfold(2, h, 1).unfold(3, w, 1);                           // (N, C, 2p+1, 2p+1, H, W), a view
        var picked = windows.index(TensorIndex.Tensor(arange(n)), TensorIndex.Colon,
            TensorIndex.Tensor(tensor(dy)), TensorIndex.Tensor(tensor(dx)));             // (N, C, H, W)
        return picked.MoveToOuterDisposeScope();
    }
}
