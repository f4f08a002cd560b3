using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Model;

namespace Cnnexp.Spec.Planning;

/// <summary>
/// Applies a model's <c>set</c>, <c>replace</c>, <c>insert_before</c>, <c>insert_after</c> and
/// <c>remove</c> to the layers it starts from. Every reference is resolved against that starting
/// stack first, so the order of edits does not matter; two edits that contradict are an error.
/// </summary>
public static class ModelEditor
{
    public static IReadOnlyList<LayerSpec> Apply(ModelSpec model, IReadOnlyList<LayerSpec> layers,
        IReadOnlyDictionary<string, BlockSpec> blocks, DiagnosticBag diagnostics)
    {
        var edits = Collect(model, new TargetResolver(model.Name, layers, diagnostics), blocks, diagnostics);
        var applied = new HashSet<string>();
        IReadOnlyList<LayerSpec>? Edit(LayerSpec layer)
        {
            if (!edits.TryGetValue(layer.Name!, out var e)) return null;
            applied.Add(e.Name);
            if (e.Removed) return [];
            if (e.Replacement is { } r) return [.. e.Before, .. Replace(layer, BlockExpander.Expand(r.Layers, blocks, diagnostics)), .. e.After];
            var edited = ApplySets(model, layer, e.Sets, diagnostics);
            if (edited is CompositeLayer c) edited = c.WithChildren(LayerTree.Rewrite(c.Children, Edit));   // edits inside a residual
            return [.. e.Before, edited, .. e.After];
        }
        var result = LayerTree.Rewrite(layers, Edit);
        foreach (var e in edits.Values.Where(e => !applied.Contains(e.Name)))
            diagnostics.Error("conflicting-edits", $"the edits of layer `{e.Name}` have no effect: a layer around it is replaced or removed",
                e.FirstWhere, "edit the enclosing layer's replacement instead");
        return result;
    }

    static Dictionary<string, TargetEdits> Collect(ModelSpec model, TargetResolver targets,
        IReadOnlyDictionary<string, BlockSpec> blocks, DiagnosticBag diagnostics)
    {
        var edits = new Dictionary<string, TargetEdits>();
        TargetEdits? For(LayerRef r) => targets.Resolve(r) is { } n ? edits.TryGetValue(n, out var e) ? e : edits[n] = new TargetEdits(n) : null;
        foreach (var s in model.Set ?? [])
            if (For(s.Path.Layer) is { } e && e.Add($"set {s.Path.Field}", $"set: {s.Path}", s.Path.Layer.Where, diagnostics)) e.Sets.Add(s);
        foreach (var r in model.Replace ?? [])
            if (For(r.Target) is { } e && e.Add("replace", $"replace: {r.Target}", r.Target.Where, diagnostics)) e.Replacement = r;
        foreach (var r in model.Remove ?? [])
            if (For(r) is { } e && e.Add("remove", $"remove: {r}", r.Where, diagnostics)) e.Removed = true;
        foreach (var i in model.InsertBefore ?? [])
            if (For(i.Target) is { } e && e.Add("insert_before", $"insert_before: {i.Target}", i.Target.Where, diagnostics)) e.Before.AddRange(BlockExpander.Expand(i.Layers, blocks, diagnostics));
        foreach (var i in model.InsertAfter ?? [])
            if (For(i.Target) is { } e && e.Add("insert_after", $"insert_after: {i.Target}", i.Target.Where, diagnostics)) e.After.AddRange(BlockExpander.Expand(i.Layers, blocks, diagnostics));
        return edits;
    }

    /// <summary>
    /// A single unnamed replacement of the same kind takes the name of the layer it replaces (so
    /// `conv2` stays `conv2`, and sweeps of `conv2.out` still find it); others get fresh names.
    /// </summary>
    static IReadOnlyList<LayerSpec> Replace(LayerSpec old, IReadOnlyList<LayerSpec> replacement) =>
        replacement is [{ Name: null } one] && one.GetType() == old.GetType() ? [one with { Name = old.Name }] : replacement;

    static LayerSpec ApplySets(ModelSpec model, LayerSpec layer, IReadOnlyList<FieldEdit> sets, DiagnosticBag diagnostics)
    {
        foreach (var s in sets)
        {
            if (FieldSetter.Field(layer, s.Path, diagnostics) is not { } field) continue;
            var (ok, value) = FieldSetter.Bind(field, s.Value, $"models.{model.Name}.set.{s.Path}", diagnostics);
            if (ok) layer = FieldSetter.With(layer, field, value, s.Value.Where);
        }
        return layer;
    }
}
