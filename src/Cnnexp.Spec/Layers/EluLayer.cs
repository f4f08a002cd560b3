using Cnnexp.Spec.Binding;

namespace Cnnexp.Spec.Layers;

[Kind("elu", "Exponential linear unit: x for x > 0, alpha * (exp(x) - 1) otherwise, element-wise.", Shorthand = "alpha")]
public sealed record EluLayer : ElementwiseLayer
{
    [Field("Value the output approaches for very negative inputs (negated).", Min = 0, Max = 1000)] public double Alpha { get; init; } = 1.0;
}
