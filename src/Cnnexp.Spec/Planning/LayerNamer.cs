using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Layers;

namespace Cnnexp.Spec.Planning;

/// <summary>
/// Gives every unnamed layer a name: its kind without <c>2d</c> and the next free number per kind
/// (<c>conv1</c>, <c>relu2</c>, <c>maxpool1</c>, <c>residual1</c>), depth first. Names already given are
/// kept, so a variant's inherited layers keep their base's names whatever is inserted.
/// </summary>
public static class LayerNamer
{
    public static IReadOnlyList<LayerSpec> Name(IReadOnlyList<LayerSpec> layers, string model, DiagnosticBag diagnostics, bool reportDuplicates)
    {
        var taken = new HashSet<string>();
        foreach (var layer in LayerTree.All(layers).Where(l => l.Name is not null))
            if (!taken.Add(layer.Name!) && reportDuplicates)
                diagnostics.Error("duplicate-name", $"model `{model}` has two layers named `{layer.Name}`", layer.SpanOf("name") ?? layer.Where,
                    "layer names must be unique within a model; give a named `block` reference or `repeat` a `name:` to prefix the names inside");
        var counts = new Dictionary<string, int>();
        return LayerTree.Map(layers, layer =>
        {
            if (layer.Name is not null) return layer;
            string stem = Stem(layer.Kind);
            string name;
            do name = $"{stem}{counts[stem] = counts.GetValueOrDefault(stem) + 1}"; while (!taken.Add(name));
            return layer with { Name = name };
        });
    }

    /// <summary>conv2d → conv, maxpool2d → maxpool, batchnorm2d → batchnorm, linear → linear.</summary>
    public static string Stem(string kind) => kind.EndsWith("2d", StringComparison.Ordinal) || kind.EndsWith("1d", StringComparison.Ordinal)
        ? kind[..^2] : kind;
}
