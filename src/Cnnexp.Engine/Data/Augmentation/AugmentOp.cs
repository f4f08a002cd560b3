using static TorchSharp.torch;

namespace Cnnexp.Engine.Data.Augmentation;

/// <summary>
/// One random augmentation applied to a whole batch of uint8 images (N, C, H, W) with tensor
/// operations; the random choices for each image come from <paramref name="rng"/>, so a batch
/// is the same for the same (seed, epoch, batch) on any machine and any thread count.
/// </summary>
public abstract record AugmentOp
{
    /// <summary>A new tensor (N, C, H, W) uint8; the input is left untouched.</summary>
    public abstract Tensor Apply(Tensor images, Random rng);
}
