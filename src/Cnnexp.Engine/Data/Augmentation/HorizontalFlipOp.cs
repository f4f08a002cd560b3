using static TorchSharp.torch;

namespace Cnnexp.Engine.Data.Augmentation;

/// <summary>Mirrors each image left-right with probability <see cref="P"/>: one gather with a per-image column order.</summary>
public sealed record HorizontalFlipOp(double P) : AugmentOp
{
    public override Tensor Apply(Tensor images, Random rng)
    {
        long n = images.shape[0], c = images.shape[1], h = images.shape[2], w = images.shape[3];
        var flip = new bool[n];
        for (int i = 0; i < n; i++) flip[i] = rng.NextDouble() < P;
        if (!flip.Contains(true)) return images.clone();
        using var scope = NewDisposeScope();
        var forward = arange(w, dtype: ScalarType.Int64).view(1, w);                        // (1, W)
        var cols = where(tensor(flip).view(n, 1), forward.flip(1), forward);                  // (N, W)
        return images.gather(3, cols.view(n, 1, 1, w).expand(n, c, h, w)).MoveToOuterDisposeScope();  // (N, C, H, W)
    }
}
