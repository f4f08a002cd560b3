using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Layers;

[Kind("batchnorm2d", "Batch normalisation per channel of an image: normalise with batch statistics, then scale and shift.")]
public sealed record BatchNorm2dLayer : LayerSpec
{
    [Field("Added to the variance to avoid dividing by zero.", Min = 0, Max = 1)] public double Eps { get; init; } = 1e-5;
    [Field("Weight of each new batch in the running statistics.", Min = 0, Max = 1)] public double Momentum { get; init; } = 0.1;
    [Field("Learn a scale and shift per channel.")] public bool Affine { get; init; } = true;
    [Field("Channels. Inferred; write it only to assert it.", Min = 1, Max = Limits.SpecLimits.MaxChannels)] public int? In { get; init; }

    public override ShapeCheck Infer(Shape input)
    {
        if (!input.IsImage) return NeedsImage(input);
        if (In is int written && written != input.C) return WrongIn(written, input.C, $"channel(s) ({input})");
        return ShapeCheck.Ok(input);
    }

    public override long Parameters(Shape input, Shape output) => Affine ? 2L * input.C : 0;

    /// <summary>The running mean and variance, one of each per channel (tracked with or without `affine`).</summary>
    public override long Statistics(Shape input, Shape output) => 2L * input.C;

    /// <summary>One multiply-add per value (the normalisation folded into a scale and shift).</summary>
    public override long Macs(Shape input, Shape output) => output.Elements;
}
