using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Transforms;

[Kind("channel_sum", "Sums the colour channels into one: (N, C, H, W) -> (N, 1, H, W). The notebook's sum-first line.")]
public sealed record ChannelSum : TransformSpec
{
    public override ShapeCheck Infer(Shape input) =>
        input.IsImage ? ShapeCheck.Ok(Shape.Image(1, input.H, input.W)) : NeedsImage(input);
}
