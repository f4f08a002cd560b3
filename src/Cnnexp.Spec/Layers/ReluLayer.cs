using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Layers;

[Kind("relu", "Rectified linear unit: max(0, x), element-wise.")]
public sealed record ReluLayer : LayerSpec
{
    public override ShapeCheck Infer(Shape input) => ShapeCheck.Ok(input);
}
