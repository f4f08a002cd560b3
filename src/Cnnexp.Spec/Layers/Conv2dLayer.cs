using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Layers;

[Kind("conv2d", "2-D convolution: one kernel per input channel and output filter, summed over input channels, plus a bias.")]
public sealed record Conv2dLayer : LayerSpec
{
    [Field("Output channels (filters).", Required = true, Min = 1, Max = Limits.SpecLimits.MaxChannels)] public int Out { get; init; }
    [Field("Kernel size: `3` or `[h, w]`.", Min = 1, Max = Limits.SpecLimits.MaxSide)] public IntPair Kernel { get; init; } = IntPair.Square(3);
    [Field("Stride: `1` or `[h, w]`.", Min = 1, Max = Limits.SpecLimits.MaxSide)] public IntPair Stride { get; init; } = IntPair.Square(1);
    [Field("Zero padding: a size, `[h, w]`, `same` (keeps height and width; stride 1 only) or `valid` (0).", Min = 0, Max = Limits.SpecLimits.MaxSide)]
    public Padding Padding { get; init; } = Padding.Of(0);
    [Field("Spacing between kernel elements.", Min = 1, Max = Limits.SpecLimits.MaxSide)] public IntPair Dilation { get; init; } = IntPair.Square(1);
    [Field("Groups: input and output channels are split into this many independent convolutions.", Min = 1, Max = Limits.SpecLimits.MaxChannels)]
    public int Groups { get; init; } = 1;
    [Field("Learn an additive bias per output channel.")] public bool Bias { get; init; } = true;
    [Field("Input channels. Inferred; write it only to assert it.", Min = 1, Max = Limits.SpecLimits.MaxChannels)] public int? In { get; init; }

    /// <summary>Padding actually applied, per side (for `same`: kernel extent / 2; odd extents only).</summary>
    public IntPair EffectivePadding => Padding.Same
        ? new IntPair(Dilation.H * (Kernel.H - 1) / 2, Dilation.W * (Kernel.W - 1) / 2)
        : Padding.Size;

    public override ShapeCheck Infer(Shape input)
    {
        if (!input.IsImage) return NeedsImage(input);
        if (In is int written && written != input.C)
            return WrongIn(written, input.C, $"channel(s) ({input})");
        if (input.C % Groups != 0 || Out % Groups != 0)
            return ShapeCheck.Fail($"groups: {Groups} must divide both the input channels ({input.C}) and `out` ({Out})", null, "groups");
        if (Padding.Same && (Stride.H != 1 || Stride.W != 1))
            return ShapeCheck.Fail("`padding: same` needs stride 1", "give the padding as a number instead", "padding");
        if (Padding.Same && ((Dilation.H * (Kernel.H - 1)) % 2 != 0 || (Dilation.W * (Kernel.W - 1)) % 2 != 0))
            return ShapeCheck.Fail("`padding: same` needs an odd kernel extent", "use an odd kernel size", "padding");
        var p = EffectivePadding;
        int h = (input.H + 2 * p.H - Dilation.H * (Kernel.H - 1) - 1) / Stride.H + 1;
        int w = (input.W + 2 * p.W - Dilation.W * (Kernel.W - 1) - 1) / Stride.W + 1;
        if (input.H + 2 * p.H < Dilation.H * (Kernel.H - 1) + 1 || input.W + 2 * p.W < Dilation.W * (Kernel.W - 1) + 1)
            return ShapeCheck.Fail($"kernel {Kernel} does not fit its {input} input: the output would be empty ({Out}x{Math.Max(0, h)}x{Math.Max(0, w)})",
                "use a smaller kernel, add padding, or remove a pooling layer above", "kernel");
        return ShapeCheck.Ok(Shape.Image(Out, h, w));
    }

    public override long Parameters(Shape input, Shape output) =>
        (long)Out * (input.C / Groups) * Kernel.H * Kernel.W + (Bias ? Out : 0);

    public override long Macs(Shape input, Shape output) =>
        output.Elements * (input.C / Groups) * Kernel.H * Kernel.W;
}
