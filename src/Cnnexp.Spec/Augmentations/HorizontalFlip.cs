using Cnnexp.Spec.Binding;

namespace Cnnexp.Spec.Augmentations;

[Kind("horizontal_flip", "Mirrors each image left-right with probability p.", Shorthand = "p")]
public sealed record HorizontalFlip : AugmentSpec
{
    [Field("Probability of flipping an image.", Min = 0, Max = 1)] public double P { get; init; } = 0.5;
}
