using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Limits;
using Cnnexp.Spec.Model;

namespace Cnnexp.Spec.Planning;

/// <summary>
/// Turns the models as written into self-contained models: `extends:` chains followed, blocks and
/// repeats expanded, edits applied, every layer named, sweeps expanded into variants (a model that
/// extends a swept model starts from its layers before the sweep; sweeps are not inherited). The result
/// has every layer written out and no edits or sweeps left, so spec.resolved.yaml reads back to the
/// same plan; `extends` stays (reports show how a variant differs from its base) while the base is
/// still one of the models.
/// </summary>
public static class ModelResolver
{
    /// <param name="allNames">Every model's name, when <paramref name="spec"/> holds only some (a partial plan):
    /// an `extends` naming one of the others is not reported, and typos are matched against them all.</param>
    public static IReadOnlyList<ModelSpec> Resolve(ExperimentSpec spec, DiagnosticBag diagnostics, IReadOnlyList<string>? allNames = null)
    {
        var context = new Context(spec.Models.ToDictionary(m => m.Name),
            (spec.Blocks ?? []).ToDictionary(b => b.Name), diagnostics) { AllNames = allNames ?? spec.Models.Select(m => m.Name).ToList() };
        foreach (var m in spec.Models) Resolve(m, context, []);
        var models = spec.Models
            .Where(m => context.Done.GetValueOrDefault(m.Name) is not null)
            .SelectMany(m => SweepExpander.Expand(context.Done[m.Name]!, diagnostics))
            .ToList();
        var names = models.Select(m => m.Name).ToHashSet();
        return models.Select(m => m.Extends is { } e && names.Contains(e) ? m : m with { Extends = null }).ToList();
    }

    sealed record Context(Dictionary<string, ModelSpec> ByName, IReadOnlyDictionary<string, BlockSpec> Blocks, DiagnosticBag Diagnostics)
    {
        /// <summary>Resolved models by name; null for a model that failed (its errors are already reported).</summary>
        public Dictionary<string, ModelSpec?> Done { get; } = [];

        public IReadOnlyList<string> AllNames { get; init; } = [];
    }

    static ModelSpec? Resolve(ModelSpec model, Context cx, IReadOnlyList<string> chain)
    {
        if (cx.Done.TryGetValue(model.Name, out var r)) return r;
        int errors = cx.Diagnostics.Items.Count(d => d.IsError);
        ModelSpec? baseModel = null;
        if (model.Extends is { } baseName)
        {
            if (chain.Count >= SpecLimits.MaxExtendsDepth)
            {
                cx.Diagnostics.Error("too-deep", $"model `{model.Name}` is at the end of an `extends` chain more than {SpecLimits.MaxExtendsDepth} models long",
                    model.SpanOf("extends"), "let some models extend the same base instead of each other");
                return null;
            }
            if (chain.Contains(model.Name))
            {
                cx.Diagnostics.Error("extends-cycle", $"models extend each other in a cycle: {string.Join(" -> ", chain.Append(model.Name))}",
                    model.SpanOf("extends"), "one model in the cycle must define its own `layers` instead");
                return null;
            }
            if (!cx.ByName.TryGetValue(baseName, out var written))
            {
                if (!cx.AllNames.Contains(baseName))
                    cx.Diagnostics.Error("unknown-model", $"model `{model.Name}` extends `{baseName}`, which is not defined",
                        model.SpanOf("extends"), Suggest.DidYouMean(baseName, cx.AllNames.Where(k => k != model.Name).ToList()));
                return cx.Done[model.Name] = null;
            }
            baseModel = Resolve(written, cx, [.. chain, model.Name]);
            if (baseModel is null) return chain.Count == 0 ? cx.Done[model.Name] = null : null;
        }
        var resolved = Build(model, baseModel, cx);
        return cx.Done[model.Name] = cx.Diagnostics.Items.Count(d => d.IsError) > errors ? null : resolved;
    }

    static ModelSpec Build(ModelSpec model, ModelSpec? baseModel, Context cx)
    {
        var layers = baseModel?.Layers ?? [];
        if (model.Layers is not null)
            layers = LayerNamer.Name(BlockExpander.Expand(model.Layers, cx.Blocks, cx.Diagnostics), model.Name, cx.Diagnostics, reportDuplicates: false);
        else if (baseModel is null)
            cx.Diagnostics.Error("missing-key", $"model `{model.Name}` has no `layers` (and extends no other model)", model.Where,
                "add `layers:` or `extends: <another model>`");
        if (model.HasEdits) layers = ModelEditor.Apply(model, layers, cx.Blocks, cx.Diagnostics);
        layers = LayerNamer.Name(layers, model.Name, cx.Diagnostics, reportDuplicates: true);
        return model with
        {
            Input = model.Input ?? baseModel?.Input ?? [], Layers = layers, Train = model.Train ?? baseModel?.Train,
            Init = model.Init ?? baseModel?.Init, Freeze = model.Freeze ?? baseModel?.Freeze,
            Replace = null, InsertBefore = null, InsertAfter = null, Remove = null,   // `set` stays until sweeps are checked against it
        };
    }
}
