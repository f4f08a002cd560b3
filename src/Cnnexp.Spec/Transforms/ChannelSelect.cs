using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Transforms;

[Kind("channel_select", "Keeps only the listed channels, in that order: `- channel_select: [0, 2]` keeps R and B: (N, C, H, W) -> (N, k, H, W).",
    Shorthand = "channels")]
public sealed record ChannelSelect : TransformSpec
{
    [Field("Channel indices to keep (0 = R, 1 = G, 2 = B), each at most once.", Required = true, Min = 0, Max = 4095)]
    public IReadOnlyList<int> Channels { get; init; } = [];

    public override ShapeCheck Infer(Shape input)
    {
        if (!input.IsImage) return NeedsImage(input);
        if (Channels.Count == 0) return ShapeCheck.Fail("channel_select needs at least one channel", "e.g. `[0]` keeps red", "channels");
        if (Channels.FirstOrDefault(c => c >= input.C, -1) is var bad and >= 0)
            return ShapeCheck.Fail($"channel {bad} does not exist: the input {input} has channels 0 to {input.C - 1}", null, "channels");
        if (Channels.Distinct().Count() != Channels.Count)
            return ShapeCheck.Fail($"channel_select lists a channel twice: [{string.Join(", ", Channels)}]", "list each channel once", "channels");
        return ShapeCheck.Ok(Shape.Image(Channels.Count, input.H, input.W));
    }
}
