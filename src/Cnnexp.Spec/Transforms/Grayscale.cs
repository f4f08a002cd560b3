using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Transforms;

[Kind("grayscale", "Luma by ITU-R BT.601 weights, 0.299 R + 0.587 G + 0.114 B: (N, 3, H, W) -> (N, 1, H, W).")]
public sealed record Grayscale : TransformSpec
{
    /// <summary>ITU-R BT.601 luma weights for R, G and B.</summary>
    public static readonly double[] Weights = [0.299, 0.587, 0.114];

    public override ShapeCheck Infer(Shape input)
    {
        if (!input.IsImage) return NeedsImage(input);
        if (input.C != 3)
            return ShapeCheck.Fail($"grayscale needs 3 colour channels (R, G, B), got {input.C} ({input})",
                "use `channel_mean` or `channel_sum` for other channel counts");
        return ShapeCheck.Ok(Shape.Image(1, input.H, input.W));
    }
}
