using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Layers;

[Kind("maxpool2d", "Max pooling: the largest value in each window.", Shorthand = "kernel")]
public sealed record MaxPool2dLayer : LayerSpec
{
    [Field("Window size: `2` or `[h, w]`.", Min = 1, Max = Limits.SpecLimits.MaxSide)] public IntPair Kernel { get; init; } = IntPair.Square(2);
    [Field("Stride; default: the window size.", Min = 1, Max = Limits.SpecLimits.MaxSide)] public IntPair? Stride { get; init; }
    [Field("Implicit -inf padding per side; at most half the window.", Min = 0, Max = Limits.SpecLimits.MaxSide)] public IntPair Padding { get; init; } = IntPair.Square(0);

    public IntPair EffectiveStride => Stride ?? Kernel;

    public override ShapeCheck Infer(Shape input) => PoolShape.Infer(this, input, Kernel, EffectiveStride, Padding);
}
