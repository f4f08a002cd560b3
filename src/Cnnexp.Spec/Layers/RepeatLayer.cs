using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Layers;

/// <summary>N copies of a layer list, one after another (expanded by the resolver before planning).</summary>
[Kind("repeat", "Repeats a list of layers N times in a row: `- repeat: { times: 2, layers: [...] }`. Names given inside get `_1`, `_2`, ... appended.")]
public sealed record RepeatLayer : CompositeLayer
{
    [Field("How many copies.", Required = true, Min = 1, Max = 1000)] public int Times { get; init; } = 1;
    [Field("The layers to repeat.", Required = true)] public IReadOnlyList<LayerSpec> Layers { get; init; } = [];

    public override IReadOnlyList<LayerSpec> Children => Layers;
    public override CompositeLayer WithChildren(IReadOnlyList<LayerSpec> children) => this with { Layers = children };

    public override ShapeCheck Infer(Shape input) => InferAll(Enumerable.Repeat(Layers, Times).SelectMany(l => l), input);
}
