using Cnnexp.Spec.Binding;

namespace Cnnexp.Spec.Layers;

[Kind("dropout", "Zeroes each value with probability p while training (and rescales the rest); a no-op in evaluation.", Shorthand = "p")]
public sealed record DropoutLayer : ElementwiseLayer
{
    [Field("Probability of zeroing a value.", Min = 0, Max = 1)] public double P { get; init; } = 0.5;
}
