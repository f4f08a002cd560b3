using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Model;

namespace Cnnexp.Spec.Planning;

/// <summary>
/// The rules of `init:` and `freeze:` that the plan alone decides (the files they name are read by
/// the engine, before any training): one source, a model of this run that exists and is not the model
/// itself or a cycle, and layer names that exist and hold parameters.
/// </summary>
public static class InitRules
{
    public static void Check(ExperimentSpec spec, IReadOnlyList<ModelPlan> models, DiagnosticBag d)
    {
        var byName = models.ToDictionary(m => m.Name);
        foreach (var model in models)
        {
            if (model.Spec.Init is { } init) CheckInit(spec, model, init, byName, d);
            if (model.Spec.Freeze is { } freeze) CheckFreeze(model, freeze, d);
        }
        CheckCycles(models, byName, d);
    }

    /// <summary>The models of this run whose weights <paramref name="model"/> starts from, nearest first.</summary>
    public static IEnumerable<string> SourcesInRun(ModelPlan model, IReadOnlyDictionary<string, ModelPlan> byName)
    {
        var seen = new HashSet<string> { model.Name };
        for (var m = model; m.Spec.Init is { FromThisRun: true, Model: { } source } && byName.TryGetValue(source, out var next) && seen.Add(source); m = next)
            yield return source;
    }

    static void CheckInit(ExperimentSpec spec, ModelPlan model, InitSpec init, Dictionary<string, ModelPlan> byName, DiagnosticBag d)
    {
        if (init.Run is not null && init.File is not null)
            d.Error("conflict", $"model `{model.Name}`: `init` gives both `run` and `file`", init.SpanOf("file"),
                "take the weights from a run (`run`, `model`, `seed`, `epoch`) or from a file (`file`), not both");
        if (init.File is { } file)
        {
            foreach (var key in new[] { "model", "seed", "epoch" }.Where(init.KeySpans.ContainsKey))
                d.Error("conflict", $"model `{model.Name}`: `init.{key}` picks a unit of a run, but `init.file` holds one set of weights",
                    init.SpanOf(key), $"remove `{key}`");
            string ext = Path.GetExtension(file).ToLowerInvariant();
            if (ext is not (".safetensors" or ".pt" or ".pth"))
                d.Error("bad-value", $"model `{model.Name}`: `init.file` must be a `.safetensors` file or a PyTorch state_dict (`.pt`, `.pth`), not `{Path.GetFileName(file)}`",
                    init.SpanOf("file"), "write weights with `cnnexp export RUN` or `torch.save(model.state_dict(), \"model.pt\")`");
        }
        if (init.FromThisRun)
        {
            if (init.Model is not { } source)
                d.Error("missing-key", $"model `{model.Name}`: `init` names no source", init.Where,
                    "give `model:` (a model of this run, trained first), `run:` (an earlier run's directory) or `file:` (a weights file)");
            else if (source == model.Name)
                d.Error("bad-value", $"model `{model.Name}`: `init.model` is the model itself", init.SpanOf("model"),
                    "name another model of this run, or an earlier run with `run:`");
            else if (!byName.TryGetValue(source, out var sourcePlan))
                d.Error("unknown-model", $"model `{model.Name}`: `init.model` is `{source}`, which is not a model of this run", init.SpanOf("model"),
                    Suggest.DidYouMean(source, byName.Keys.Where(k => k != model.Name).ToList()) ?? "to take a model of an earlier run, add `run: DIR`");
            else if (init.EpochNumber is int n && n > sourcePlan.TrainFor(spec).Epochs)
                d.Error("out-of-range", $"model `{model.Name}`: `init.epoch` is {n}, but `{source}` trains for {sourcePlan.TrainFor(spec).Epochs} epochs",
                    init.SpanOf("epoch"), "give `last`, `best` or a smaller epoch");
            if (init.Seed is int seed && spec.Adaptive is null && !spec.RunSeeds.Contains(seed))
                d.Error("bad-value", $"model `{model.Name}`: `init.seed` is {seed}, which this run does not train", init.SpanOf("seed"),
                    $"remove `seed` (each unit then starts from the source unit of its own seed), or give one of {string.Join(", ", spec.RunSeeds)}");
        }
        if (init.Only is { } only) CheckLayers(model, only, "init.only", init.SpanOf("only"), d);
    }

    static void CheckFreeze(ModelPlan model, IReadOnlyList<string> freeze, DiagnosticBag d)
    {
        var where = model.Spec.SpanOf("freeze");
        CheckLayers(model, freeze, "freeze", where, d);
        var trainable = model.AllLayers.Where(l => l.Parameters > 0 && l.Body.Count == 0).Select(l => l.Name).ToList();
        var frozen = Frozen(model, freeze);
        if (trainable.Count > 0 && trainable.All(frozen.Contains))
            d.Error("bad-value", $"model `{model.Name}`: `freeze` leaves no parameter to train", where,
                "freeze fewer layers (a frozen model is evaluated by `cnnexp predict`, not trained)");
    }

    /// <summary>The leaf layers <paramref name="names"/> freeze: the layers named and everything inside a named residual.</summary>
    public static HashSet<string> Frozen(ModelPlan model, IReadOnlyList<string> names)
    {
        var frozen = new HashSet<string>();
        void Add(PlannedLayer l)
        {
            frozen.Add(l.Name);
            foreach (var c in l.Body) Add(c);
            if (l.Shortcut is { } s) Add(s);
        }
        foreach (var l in model.AllLayers.Where(l => names.Contains(l.Name))) Add(l);
        return frozen;
    }

    static void CheckLayers(ModelPlan model, IReadOnlyList<string> names, string key, SourceSpan? where, DiagnosticBag d)
    {
        var layers = model.AllLayers.ToDictionary(l => l.Name);
        foreach (var name in names)
        {
            if (!layers.TryGetValue(name, out var layer))
                d.Error("unknown-layer", $"model `{model.Name}`: `{key}` names `{name}`, which is not one of its layers", where,
                    Suggest.DidYouMean(name, layers.Values.Where(l => l.Parameters > 0).Select(l => l.Name).ToList()) ?? "`cnnexp inspect` lists the layers");
            else if (layer.Parameters == 0)
                d.Error("bad-value", $"model `{model.Name}`: `{key}` names `{name}`, a {layer.Spec.Kind} layer without parameters", where,
                    "name layers with weights: " + string.Join(", ", layers.Values.Where(l => l.Parameters > 0 && l.Body.Count == 0).Select(l => l.Name)));
        }
    }

    static void CheckCycles(IReadOnlyList<ModelPlan> models, Dictionary<string, ModelPlan> byName, DiagnosticBag d)
    {
        foreach (var model in models.Where(m => m.Spec.Init is { FromThisRun: true }))
        {
            var chain = SourcesInRun(model, byName).ToList();
            if (chain.Count > 0 && chain.All(c => string.CompareOrdinal(model.Name, c) < 0) && byName[chain[^1]].Spec.Init is { FromThisRun: true, Model: { } last } && last == model.Name)
                d.Error("init-cycle", $"models take their initial weights from each other in a cycle: {string.Join(" <- ", chain.Prepend(model.Name).Append(model.Name))}",
                    model.Spec.Init!.SpanOf("model"), "one model of the cycle must start from its own random weights (remove its `init`)");
        }
    }
}
