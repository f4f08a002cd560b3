using Cnnexp.Spec.Binding;

namespace Cnnexp.Spec.Augmentations;

/// <summary>
/// A random data augmentation under <c>data: augment:</c>, applied to training images only (the
/// data stage implements it). Augmentations keep the image shape, so they do not enter planning.
/// </summary>
public abstract record AugmentSpec : SpecNode
{
    /// <summary>The YAML name, e.g. <c>random_crop</c>.</summary>
    public string Kind => KindRegistry<AugmentSpec>.NameOf(GetType());
}
