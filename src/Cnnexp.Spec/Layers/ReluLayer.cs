using Cnnexp.Spec.Binding;

namespace Cnnexp.Spec.Layers;

[Kind("relu", "Rectified linear unit: max(0, x), element-wise.")]
public sealed record ReluLayer : ElementwiseLayer;
