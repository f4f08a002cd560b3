using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Model;

namespace Cnnexp.Spec.Planning;

/// <summary>Resolves `extends:` chains: a model starts from its base's input transforms and layers.</summary>
public static class ModelResolver
{
    public static IReadOnlyList<ModelSpec> Resolve(IReadOnlyList<ModelSpec> models, DiagnosticBag diagnostics)
    {
        var byName = models.ToDictionary(m => m.Name);
        var resolved = new Dictionary<string, ModelSpec>();
        foreach (var m in models) Resolve(m, byName, resolved, [], diagnostics);
        return models.Where(m => resolved.ContainsKey(m.Name)).Select(m => resolved[m.Name]).ToList();
    }

    static ModelSpec? Resolve(ModelSpec model, Dictionary<string, ModelSpec> byName, Dictionary<string, ModelSpec> done,
        List<string> chain, DiagnosticBag diagnostics)
    {
        if (done.TryGetValue(model.Name, out var r)) return r;
        if (model.Extends is null)
        {
            if (model.Layers is null)
                diagnostics.Error("missing-key", $"model `{model.Name}` has no `layers` (and extends no other model)", model.Where,
                    "add `layers:` or `extends: <another model>`");
            return done[model.Name] = model with { Input = model.Input ?? [], Layers = model.Layers ?? [] };
        }
        if (chain.Contains(model.Name))
        {
            diagnostics.Error("extends-cycle", $"models extend each other in a cycle: {string.Join(" -> ", chain.Append(model.Name))}",
                model.SpanOf("extends"), "one model in the cycle must define its own `layers`");
            return null;
        }
        if (!byName.TryGetValue(model.Extends, out var baseSpec))
        {
            diagnostics.Error("unknown-model", $"model `{model.Name}` extends `{model.Extends}`, which is not defined",
                model.SpanOf("extends"), Suggest.DidYouMean(model.Extends, byName.Keys.Where(k => k != model.Name).ToList()));
            return null;
        }
        var resolvedBase = Resolve(baseSpec, byName, done, [.. chain, model.Name], diagnostics);
        if (resolvedBase is null) return null;
        return done[model.Name] = model with
        {
            Input = model.Input ?? resolvedBase.Input,
            Layers = model.Layers ?? resolvedBase.Layers,
            Train = model.Train ?? resolvedBase.Train,
        };
    }
}
