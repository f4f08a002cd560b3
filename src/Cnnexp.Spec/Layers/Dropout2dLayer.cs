using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Layers;

[Kind("dropout2d", "Zeroes whole channels with probability p while training; a no-op in evaluation.", Shorthand = "p")]
public sealed record Dropout2dLayer : LayerSpec
{
    [Field("Probability of zeroing a channel.", Min = 0, Max = 1)] public double P { get; init; } = 0.5;

    public override ShapeCheck Infer(Shape input) => input.IsImage ? ShapeCheck.Ok(input) : NeedsImage(input);
}
