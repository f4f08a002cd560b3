using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Layers;

[Kind("linear", "Fully connected layer: every input feature to every output feature.")]
public sealed record LinearLayer : LayerSpec
{
    [Field("Output features.", Required = true, Min = 1, Max = Limits.SpecLimits.MaxFeatures)] public int Out { get; init; }
    [Field("Learn an additive bias per output feature.")] public bool Bias { get; init; } = true;
    [Field("Input features. Inferred; write it only to assert it.", Min = 1, Max = Limits.SpecLimits.MaxFeatures)] public int? In { get; init; }

    public override ShapeCheck Infer(Shape input)
    {
        if (input.Rank != 1) return NeedsFeatures(input);
        if (In is int written && written != input.Dims[0]) return WrongIn(written, input.Dims[0], "features");
        return ShapeCheck.Ok(Shape.Features(Out));
    }

    public override long Parameters(Shape input, Shape output) => (long)input.Dims[0] * Out + (Bias ? Out : 0);
    public override long Macs(Shape input, Shape output) => (long)input.Dims[0] * Out;
}
