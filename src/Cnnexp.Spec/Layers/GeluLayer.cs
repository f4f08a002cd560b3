using Cnnexp.Spec.Binding;

namespace Cnnexp.Spec.Layers;

[Kind("gelu", "Gaussian error linear unit: x * Phi(x), element-wise.", Shorthand = "approximate")]
public sealed record GeluLayer : ElementwiseLayer
{
    [Field("`none` for the exact erf form, `tanh` for the tanh approximation.", Allowed = ["none", "tanh"])]
    public string Approximate { get; init; } = "none";
}
