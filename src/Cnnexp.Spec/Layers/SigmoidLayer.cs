using Cnnexp.Spec.Binding;

namespace Cnnexp.Spec.Layers;

[Kind("sigmoid", "Logistic sigmoid: 1 / (1 + exp(-x)), element-wise.")]
public sealed record SigmoidLayer : ElementwiseLayer;
