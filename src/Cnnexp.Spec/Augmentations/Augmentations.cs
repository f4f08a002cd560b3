using Cnnexp.Spec.Binding;

namespace Cnnexp.Spec.Augmentations;

/// <summary>The registry of training-time data augmentations.</summary>
public static class Augmentations
{
    public static KindRegistry<AugmentSpec> Registry { get; } = new("augmentation", typeof(AugmentSpec).Assembly, "horizontal_flip");
}
