using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Spec.Planning;

/// <summary>What a row of a layer table is.</summary>
public enum LayerRowRole
{
    /// <summary>An input transform (<c>channel_sum</c>, …): no parameters.</summary>
    Transform,
    /// <summary>A layer; with nested rows shown, a residual's own row sums its body.</summary>
    Layer,
    /// <summary>A residual's skip path: <c>+ input</c> (identity) or <c>+ projection</c>.</summary>
    Skip,
}

/// <summary>One row of a model's layer table; <paramref name="Depth"/> is 0 for the model's own layers, 1 inside a residual, ….</summary>
public sealed record LayerRow(string Name, string Kind, string Settings, Shape Input, Shape Output, long Parameters, long Macs,
    int Depth = 0, LayerRowRole Role = LayerRowRole.Layer)
{
    /// <summary>True for a residual's row when its body's rows follow (its numbers are their sum).</summary>
    public bool IsGroup { get; init; }
}

/// <summary>
/// A model's layer table, projected once from its plan for every place that shows one: `cnnexp
/// inspect` and `plan`, the shapes figure, the reports and the API. Shapes by arithmetic, no tensors.
/// </summary>
public static class LayerTable
{
    /// <summary>Fields worth showing even at their default value.</summary>
    static readonly HashSet<string> AlwaysShown = ["kernel"];

    /// <summary>
    /// The transforms, then the layers; with <paramref name="nested"/>, each residual is followed by its
    /// body (one level deeper) and its skip path.
    /// </summary>
    public static IReadOnlyList<LayerRow> Rows(ModelPlan model, bool nested = false)
    {
        var rows = new List<LayerRow>();
        foreach (var t in model.Transforms)
            rows.Add(new LayerRow(t.Spec.Kind, "input transform", Settings(t.Spec), t.Input, t.Output, 0, 0, 0, LayerRowRole.Transform));
        foreach (var l in model.Layers) Add(rows, l, 0, nested);
        return rows;
    }

    static void Add(List<LayerRow> rows, PlannedLayer l, int depth, bool nested)
    {
        bool group = nested && l.Children is not null;
        rows.Add(new LayerRow(l.Name, l.Spec.Kind, Settings(l.Spec), l.Input, l.Output, l.Parameters, l.Macs, depth) { IsGroup = group && l.Body.Count > 0 });
        if (!group) return;
        foreach (var child in l.Body) Add(rows, child, depth + 1, nested);
        rows.Add(l.Shortcut is { } s
            ? new LayerRow("+ projection", s.Spec.Kind, Settings(s.Spec), s.Input, s.Output, s.Parameters, s.Macs, depth + 1, LayerRowRole.Skip)
            : new LayerRow("+ input", "identity", "", l.Input, l.Output, 0, 0, depth + 1, LayerRowRole.Skip));
    }

    /// <summary>(C, H, W) as <c>3×32×32</c>.</summary>
    public static string Shape(Shape s) => string.Join("×", s.Dims);

    /// <summary>The fields that differ from the kind's defaults, as written in YAML: <c>out: 8, padding: 1</c>.</summary>
    public static string Settings(SpecNode node)
    {
        var defaults = Activator.CreateInstance(node.GetType());
        var parts = new List<string>();
        foreach (var field in SpecFields.Of(node.GetType()))
        {
            if (field.Key == "name") continue;
            var value = field.Property.GetValue(node);
            if (value is null) continue;
            // Nested layers (residual, repeat) would fill the table: count them; their own rows are in the YAML.
            if (value is System.Collections.IEnumerable list and not string && list.Cast<object>().Any(o => o is SpecNode))
            {
                parts.Add($"{list.Cast<object>().Count()} nested {field.Key}");
                continue;
            }
            string text = SpecWriter.Flow(value);
            var fallback = defaults is null ? null : field.Property.GetValue(defaults);
            if (AlwaysShown.Contains(field.Key) || fallback is null || SpecWriter.Flow(fallback) != text)
                parts.Add($"{field.Key}: {text}");
        }
        return string.Join(", ", parts);
    }
}
