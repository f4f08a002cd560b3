using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Transforms;

[Kind("channel_mean", "Averages the colour channels into one: (N, C, H, W) -> (N, 1, H, W). channel_sum divided by C.")]
public sealed record ChannelMean : TransformSpec
{
    public override ShapeCheck Infer(Shape input) =>
        input.IsImage ? ShapeCheck.Ok(Shape.Image(1, input.H, input.W)) : NeedsImage(input);
}
