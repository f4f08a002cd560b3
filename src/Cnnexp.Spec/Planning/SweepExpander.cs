using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Limits;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Spec.Planning;

/// <summary>
/// Expands a model's <c>sweep:</c> grid into one variant per combination, named
/// <c>MODEL[LAYER.FIELD=VALUE]…</c> in the order the axes are written. Values are type-checked
/// exactly as if written in the layer.
/// </summary>
public static class SweepExpander
{
    sealed record Choice(string Layer, SpecField Field, string Label, object? Value, SourceSpan? Where);

    public static IReadOnlyList<ModelSpec> Expand(ModelSpec model, DiagnosticBag diagnostics)
    {
        if (model.Sweep is not { Count: > 0 } axes) return [model with { Set = null }];
        var layers = model.Layers ?? [];
        var targets = new TargetResolver(model.Name, layers, diagnostics);
        var setFields = (model.Set ?? []).Select(s => $"{s.Path.Layer}.{s.Path.Field}").ToHashSet();
        var grid = new List<IReadOnlyList<Choice>>();
        var seen = new HashSet<string>();
        int errors = diagnostics.Items.Count;
        foreach (var axis in axes)
        {
            if (targets.Resolve(axis.Path.Layer) is not { } name) continue;
            var layer = LayerTree.Find(layers, name)!;
            if (FieldSetter.Field(layer, axis.Path, diagnostics) is not { } field) continue;
            string key = $"{name}.{field.Key}";
            if (!seen.Add(key) || setFields.Contains(key) || setFields.Contains($"{axis.Path.Layer}.{field.Key}"))
            {
                diagnostics.Error("conflicting-edits", $"`{key}` of model `{model.Name}` is swept twice, or both set and swept",
                    axis.Where, "give each field one `set` or one `sweep` entry");
                continue;
            }
            grid.Add(axis.Values.Select(v => Pick(name, field, v, $"models.{model.Name}.sweep.{axis.Path}", diagnostics)).ToList());
        }
        if (diagnostics.Items.Count > errors) return [];
        if (grid.Aggregate(1L, (n, axis) => Math.Min(SpecLimits.MaxModels + 1L, n * axis.Count)) is var count && count > SpecLimits.MaxModels)
        {
            diagnostics.Error("too-large", $"the sweep of model `{model.Name}` makes more than {SpecLimits.MaxModels:N0} variants",
                model.SpanOf("sweep") ?? model.Where, "sweep fewer values, or split the study into several specs");
            return [];
        }
        return Product(grid).Select(combo => Variant(model, layers, combo)).ToList();
    }

    static Choice Pick(string layer, SpecField field, YNode value, string path, DiagnosticBag diagnostics)
    {
        var (_, bound) = FieldSetter.Bind(field, value, path, diagnostics);
        return new Choice(layer, field, bound is null ? "null" : SpecWriter.Flow(bound).Replace(" ", ""), bound, value.Where);
    }

    static ModelSpec Variant(ModelSpec model, IReadOnlyList<LayerSpec> layers, IReadOnlyList<Choice> combo)
    {
        foreach (var c in combo)
            layers = LayerTree.Map(layers, l => l.Name == c.Layer ? FieldSetter.With(l, c.Field, c.Value, c.Where) : l);
        string name = model.Name + string.Concat(combo.Select(c => $"[{c.Layer}.{c.Field.Key}={c.Label}]"));
        return model with { Name = name, Layers = layers, Sweep = null, Set = null };
    }

    static IEnumerable<IReadOnlyList<Choice>> Product(IReadOnlyList<IReadOnlyList<Choice>> grid)
    {
        IEnumerable<IReadOnlyList<Choice>> combos = [[]];
        foreach (var axis in grid)
            combos = combos.SelectMany(done => axis.Select(c => (IReadOnlyList<Choice>)[.. done, c])).ToList();
        return combos;
    }
}
