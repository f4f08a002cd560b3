using Cnnexp.Spec.Binding;

namespace Cnnexp.Spec.Layers;

[Kind("leaky_relu", "Leaky ReLU: x for x > 0, negative_slope * x otherwise, element-wise.", Shorthand = "negative_slope")]
public sealed record LeakyReluLayer : ElementwiseLayer
{
    [Field("Slope for negative inputs.", Min = 0, Max = 1000)] public double NegativeSlope { get; init; } = 0.01;
}
