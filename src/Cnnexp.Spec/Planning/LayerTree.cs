using Cnnexp.Spec.Layers;

namespace Cnnexp.Spec.Planning;

/// <summary>Walks and rewrites layer lists whose composites (residuals, repeats) hold more layers.</summary>
public static class LayerTree
{
    /// <summary>Every layer, depth first: a composite before its children.</summary>
    public static IEnumerable<LayerSpec> All(IEnumerable<LayerSpec> layers)
    {
        foreach (var layer in layers)
        {
            yield return layer;
            if (layer is CompositeLayer c)
                foreach (var child in All(c.Children)) yield return child;
        }
    }

    public static LayerSpec? Find(IEnumerable<LayerSpec> layers, string name) => All(layers).FirstOrDefault(l => l.Name == name);

    /// <summary>
    /// Replaces each layer for which <paramref name="edit"/> returns a list by that list (not visited
    /// further); other composites are rebuilt with their rewritten children.
    /// </summary>
    public static IReadOnlyList<LayerSpec> Rewrite(IReadOnlyList<LayerSpec> layers, Func<LayerSpec, IReadOnlyList<LayerSpec>?> edit)
    {
        var result = new List<LayerSpec>();
        foreach (var layer in layers)
        {
            if (edit(layer) is { } replacement) result.AddRange(replacement);
            else if (layer is CompositeLayer c) result.Add(c.WithChildren(Rewrite(c.Children, edit)));
            else result.Add(layer);
        }
        return result;
    }

    /// <summary>Applies <paramref name="map"/> to every layer, a composite before its children.</summary>
    public static IReadOnlyList<LayerSpec> Map(IReadOnlyList<LayerSpec> layers, Func<LayerSpec, LayerSpec> map) =>
        layers.Select(l => map(l) switch
        {
            CompositeLayer c => c.WithChildren(Map(c.Children, map)),
            var other => other,
        }).ToList();

    /// <summary>Renames every explicitly named layer (names the user gave; automatic ones come later).</summary>
    public static IReadOnlyList<LayerSpec> RenameExplicit(IReadOnlyList<LayerSpec> layers, Func<string, string> rename) =>
        Map(layers, l => l.Name is { } n ? l with { Name = rename(n) } : l);
}
