using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Layers;

[Kind("adaptive_avgpool2d", "Average pooling to a fixed output size whatever the input size, e.g. `out: 1` for global average pooling.", Shorthand = "out")]
public sealed record AdaptiveAvgPool2dLayer : LayerSpec
{
    [Field("Output height and width: `1` or `[h, w]`.", Min = 1, Max = Limits.SpecLimits.MaxSide)] public IntPair Out { get; init; } = IntPair.Square(1);

    public override ShapeCheck Infer(Shape input) =>
        input.IsImage ? ShapeCheck.Ok(Shape.Image(input.C, Out.H, Out.W)) : NeedsImage(input);
}
