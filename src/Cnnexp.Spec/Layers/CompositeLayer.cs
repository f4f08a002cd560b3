using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Layers;

/// <summary>A layer made of other layers (<c>block</c>, <c>repeat</c>, <c>residual</c>).</summary>
public abstract record CompositeLayer : LayerSpec
{
    /// <summary>The layers inside, as written (block references are expanded by the resolver).</summary>
    public abstract IReadOnlyList<LayerSpec> Children { get; }

    /// <summary>A copy holding <paramref name="children"/> instead.</summary>
    public abstract CompositeLayer WithChildren(IReadOnlyList<LayerSpec> children);

    /// <summary>Folds the children's shape rules, first to last.</summary>
    protected static ShapeCheck InferAll(IEnumerable<LayerSpec> layers, Shape input)
    {
        var shape = input;
        foreach (var layer in layers)
        {
            var check = layer.Infer(shape);
            if (!check.IsOk) return check;
            shape = check.Output!;
        }
        return ShapeCheck.Ok(shape);
    }
}
