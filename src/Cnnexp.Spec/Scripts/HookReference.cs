using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Transforms;

namespace Cnnexp.Spec.Scripts;

/// <summary>One place where a spec names a script file.</summary>
/// <param name="Model">The model whose layers or input hold it; null for `hooks:` (and blocks).</param>
public sealed record HookReference(string Path, HookUse Use, SourceSpan? Where, string? Model)
{
    /// <summary>Every script the spec names, in the order written: `hooks:` first, then each model's.</summary>
    public static IReadOnlyList<HookReference> Of(ExperimentSpec spec)
    {
        var list = (spec.Hooks ?? []).Select(h => new HookReference(h.Path, HookUse.Hooks, h.Where, null)).ToList();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var model in spec.Models)
            foreach (var node in SpecTree.All(model))
                if (seen.Add(node) && From(node, model.Name) is { } r) list.Add(r);
        foreach (var node in SpecTree.All(spec))
            if (seen.Add(node) && From(node, null) is { } r) list.Add(r);
        return list;
    }

    static HookReference? From(object node, string? model) => node switch
    {
        ScriptLayer l => new HookReference(l.Path, HookUse.Layer, l.SpanOf("path"), model),
        ScriptTransform t => new HookReference(t.Path, HookUse.Transform, t.SpanOf("path"), model),
        _ => null,
    };
}
