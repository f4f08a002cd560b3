using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Layers;

[Kind("batchnorm1d", "Batch normalisation per feature of a flat input: normalise with batch statistics, then scale and shift.")]
public sealed record BatchNorm1dLayer : LayerSpec
{
    [Field("Added to the variance to avoid dividing by zero.", Min = 0, Max = 1)] public double Eps { get; init; } = 1e-5;
    [Field("Weight of each new batch in the running statistics.", Min = 0, Max = 1)] public double Momentum { get; init; } = 0.1;
    [Field("Learn a scale and shift per feature.")] public bool Affine { get; init; } = true;
    [Field("Features. Inferred; write it only to assert it.", Min = 1, Max = Limits.SpecLimits.MaxFeatures)] public int? In { get; init; }

    public override ShapeCheck Infer(Shape input)
    {
        if (input.Rank != 1) return NeedsFeatures(input);
        if (In is int written && written != input.Dims[0]) return WrongIn(written, input.Dims[0], "features");
        return ShapeCheck.Ok(input);
    }

    public override long Parameters(Shape input, Shape output) => Affine ? 2L * input.Dims[0] : 0;

    /// <summary>The running mean and variance, one of each per channel (tracked with or without `affine`).</summary>
    public override long Statistics(Shape input, Shape output) => 2L * input.Dims[0];

    /// <summary>One multiply-add per value (the normalisation folded into a scale and shift).</summary>
    public override long Macs(Shape input, Shape output) => output.Elements;
}
