using Cnnexp.Spec.Binding;

namespace Cnnexp.Spec.Augmentations;

[Kind("random_crop", "Pads each side with zeros, then crops a random window of the original size (the CIFAR recipe: padding 4).", Shorthand = "padding")]
public sealed record RandomCrop : AugmentSpec
{
    [Field("Zero padding added to each side before cropping.", Min = 0, Max = 64)] public int Padding { get; init; } = 4;
}
