using static TorchSharp.torch;

namespace Cnnexp.Engine.Data.Augmentation;

/// <summary>
/// Zero-pads each side by <see cref="Padding"/>, then takes a window of the original size at a
/// random offset per image — torchvision's RandomCrop(size, padding) — as two gathers on the
/// padded batch instead of a loop over images.
/// </summary>
public sealed record RandomCropOp(int Padding) : AugmentOp
{
    public override Tensor Apply(Tensor images, Random rng)
    {
        if (Padding == 0) return images.clone();
        long n = images.shape[0], c = images.shape[1], h = images.shape[2], w = images.shape[3];
        int span = 2 * Padding + 1;
        var dy = new long[n];
        var dx = new long[n];
        for (int i = 0; i < n; i++) { dy[i] = rng.Next(span); dx[i] = rng.Next(span); }
        using var scope = NewDisposeScope();
        var padded = nn.functional.pad(images, [Padding, Padding, Padding, Padding]);       // (N, C, H+2p, W+2p)
        var rows = tensor(dy).view(n, 1) + arange(h, dtype: ScalarType.Int64).view(1, h);  // (N, H)
        var cols = tensor(dx).view(n, 1) + arange(w, dtype: ScalarType.Int64).view(1, w);  // (N, W)
        var band = padded.gather(2, rows.view(n, 1, h, 1).expand(n, c, h, w + 2 * Padding)); // (N, C, H, W+2p)
        return band.gather(3, cols.view(n, 1, 1, w).expand(n, c, h, w)).MoveToOuterDisposeScope();  // (N, C, H, W)
    }
}
