using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Layers;

[Kind("flatten", "Flattens (C, H, W) into C*H*W features for the linear layers that follow.")]
public sealed record FlattenLayer : LayerSpec
{
    public override ShapeCheck Infer(Shape input) => ShapeCheck.Ok(Shape.Features(checked((int)input.Elements)));
}
