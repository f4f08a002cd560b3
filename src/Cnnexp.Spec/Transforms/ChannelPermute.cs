using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Transforms;

[Kind("channel_permute", "Reorders the channels: `- channel_permute: [2, 1, 0]` turns RGB into BGR. Shape unchanged.", Shorthand = "order")]
public sealed record ChannelPermute : TransformSpec
{
    [Field("The new order: output channel i is input channel order[i]; every channel exactly once.", Required = true, Min = 0, Max = 4095)]
    public IReadOnlyList<int> Order { get; init; } = [];

    public override ShapeCheck Infer(Shape input)
    {
        if (!input.IsImage) return NeedsImage(input);
        if (Order.Count != input.C || Order.Order().Where((c, i) => c != i).Any())
            return ShapeCheck.Fail($"[{string.Join(", ", Order)}] is not an order of the input's {input.C} channels",
                $"list each of 0 to {input.C - 1} exactly once, e.g. [{string.Join(", ", Enumerable.Range(0, input.C).Reverse())}]", "order");
        return ShapeCheck.Ok(input);
    }
}
