using Cnnexp.Spec.Augmentations;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Data.Augmentation;

/// <summary>The augmentations of `data.augment`, in order, as batch operations.</summary>
public sealed class Augmenter(IReadOnlyList<AugmentOp> ops)
{
    public IReadOnlyList<AugmentOp> Ops { get; } = ops;

    /// <summary>Null when the spec asks for no augmentation.</summary>
    public static Augmenter? From(IReadOnlyList<AugmentSpec>? specs) =>
        specs is { Count: > 0 } ? new Augmenter(specs.Select(Op).ToList()) : null;

    static AugmentOp Op(AugmentSpec spec) => spec switch
    {
        RandomCrop crop => new RandomCropOp(crop.Padding),
        HorizontalFlip flip => new HorizontalFlipOp(flip.P),
        _ => throw new NotSupportedException($"augmentation `{spec.Kind}` has no batch operation"),
    };

    /// <summary>The augmentation of one epoch of one seed's training run.</summary>
    public BatchAugmenter ForEpoch(int seed, int epoch) => new(this, seed, epoch);

    internal Tensor Apply(Tensor images, Random rng)
    {
        var current = images;
        foreach (var op in Ops)
        {
            var next = op.Apply(current, rng);
            if (!ReferenceEquals(current, images)) current.Dispose();
            current = next;
        }
        return current;
    }
}

/// <summary>
/// Augments the batches of one epoch: batch b's random choices come from (seed, epoch, b) alone,
/// so a resumed run sees exactly the images an uninterrupted one would have.
/// </summary>
public sealed class BatchAugmenter(Augmenter augmenter, int seed, int epoch)
{
    /// <summary>uint8 (N, C, H, W) → a new augmented uint8 (N, C, H, W).</summary>
    public Tensor Apply(Tensor images, int batch) =>
        augmenter.Apply(images, new Random(Seeds.Mix(seed, epoch, batch, 0xa06)));
}
