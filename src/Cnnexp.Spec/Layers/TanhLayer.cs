using Cnnexp.Spec.Binding;

namespace Cnnexp.Spec.Layers;

[Kind("tanh", "Hyperbolic tangent, element-wise.")]
public sealed record TanhLayer : ElementwiseLayer;
