using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Figures.Tables;

/// <summary>A model's layer table (shapes figure and report), from its plan: shapes by arithmetic, no tensors.</summary>
public static class LayerTable
{
    /// <summary>Fields worth showing even at their default value.</summary>
    static readonly HashSet<string> AlwaysShown = ["kernel"];

    public static IReadOnlyList<LayerRow> Rows(ModelPlan model)
    {
        var rows = new List<LayerRow>();
        foreach (var t in model.Transforms)
            rows.Add(new LayerRow(t.Spec.Kind, "input transform", Settings(t.Spec), Shape(t.Input), Shape(t.Output), 0, 0));
        foreach (var l in model.Layers)
            rows.Add(new LayerRow(l.Name, l.Spec.Kind, Settings(l.Spec), Shape(l.Input), Shape(l.Output), l.Parameters, l.Macs));
        return rows;
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
