using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Transforms;

[Kind("normalize", "Per-channel (x - mean) / std. One value applies to every channel. Shape unchanged.")]
public sealed record Normalize : TransformSpec
{
    [Field("Mean to subtract, per channel (or one for all).", Required = true, Min = -1e6, Max = 1e6)] public IReadOnlyList<double> Mean { get; init; } = [];
    [Field("Standard deviation to divide by, per channel (or one for all); each above 0.", Required = true, Min = 0, Max = 1e6)]
    public IReadOnlyList<double> Std { get; init; } = [];

    public override ShapeCheck Infer(Shape input)
    {
        if (!input.IsImage) return NeedsImage(input);
        if (Mean.Count != input.C && Mean.Count != 1)
            return ShapeCheck.Fail($"`mean` has {Mean.Count} values, but the input {input} has {input.C} channel(s)",
                $"give {input.C} values, or one for all channels", "mean");
        if (Std.Count != input.C && Std.Count != 1)
            return ShapeCheck.Fail($"`std` has {Std.Count} values, but the input {input} has {input.C} channel(s)",
                $"give {input.C} values, or one for all channels", "std");
        if (Std.Any(s => s <= 0))
            return ShapeCheck.Fail($"`std` must be above 0, got [{string.Join(", ", Std)}]", "a standard deviation of 0 would divide by zero", "std");
        return ShapeCheck.Ok(input);
    }

    /// <summary>Mean and std expanded to one value per channel.</summary>
    public double[] MeanFor(int channels) => Mean.Count == 1 ? Enumerable.Repeat(Mean[0], channels).ToArray() : [.. Mean];
    public double[] StdFor(int channels) => Std.Count == 1 ? Enumerable.Repeat(Std[0], channels).ToArray() : [.. Std];
}
