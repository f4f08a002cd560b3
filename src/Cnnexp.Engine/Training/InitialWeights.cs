using System.Collections;
using System.Security.Cryptography;
using Cnnexp.Engine.Modules;
using Cnnexp.Results;
using Cnnexp.Spec;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Planning;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Training;

/// <summary>
/// A model's `init:` (fine-tuning, transfer) and `freeze:`. <see cref="Check"/> reads every source
/// before any training and reports each missing, extra or misshapen tensor at the `init` line, with
/// both shapes; <see cref="Apply"/> copies the weights into a freshly built model; <see cref="Freeze"/>
/// stops the named layers' parameters from training. Sources: a unit of this run (trained first:
/// <see cref="Phases"/>), a unit of an earlier run (its spec.resolved.yaml rebuilds the model its
/// weights file fits), or a safetensors / PyTorch state_dict file.
/// </summary>
public static class InitialWeights
{
    /// <summary>Most tensor problems listed per model; the rest are counted.</summary>
    const int MaxListed = 8;

    /// <summary>Largest weights file read (a state_dict of the models cnnexp plans is far smaller).</summary>
    const long MaxFileBytes = 4L << 30;

    /// <summary>Every problem of every model's `init`, located at its YAML line; empty when all sources fit.</summary>
    public static IReadOnlyList<Diagnostic> Check(ExperimentPlan plan)
    {
        var problems = new List<Diagnostic>();
        if (plan.Models.Any(m => m.Spec.Init is not null)) Native.NativeRuntime.EnsureLoaded();
        foreach (var model in plan.Models.Where(m => m.Spec.Init is not null))
        {
            var init = model.Spec.Init!;
            var where = model.Spec.SpanOf("init") ?? init.Where;
            try
            {
                if (init.FromThisRun)
                    Compare(model, Shapes(plan.Model(init.Model!)), $"model `{init.Model}` of this run", init, where, problems);
                else if (init.File is not null)
                {
                    using var scope = NewDisposeScope();
                    Compare(model, ReadFile(SourcePath(plan, init.File)).ToDictionary(kv => kv.Key, kv => kv.Value.shape), init.File, init, where, problems);
                }
                else
                {
                    var (run, source) = EarlierRun(plan, model, init);
                    foreach (int seed in init.Seed is int s ? [s] : plan.Spec.Adaptive is null ? plan.Spec.RunSeeds : [])
                        _ = UnitWeights(run, source.Name, seed, init);
                    Compare(model, Shapes(source), $"model `{source.Name}` of {init.Run}", init, where, problems);
                }
            }
            catch (InitException e)
            {
                problems.Add(Diagnostic.Error("init", $"model `{model.Name}`: {e.Message}", where, e.Hint));
            }
        }
        return problems;
    }

    /// <summary>
    /// Loads <paramref name="model"/>'s initial weights into <paramref name="module"/> (built from the
    /// plan, not yet trained) for the unit of <paramref name="seed"/>; returns where they came from, or
    /// null when the model has no `init`.
    /// </summary>
    public static string? Apply(ExperimentPlan plan, ModelPlan model, Sequential module, int seed, string runDir)
    {
        if (model.Spec.Init is not { } init) return null;
        using var scope = NewDisposeScope();
        Dictionary<string, Tensor> source;
        string from;
        if (init.File is { } file)
        {
            source = ReadFile(SourcePath(plan, file));
            from = file;
        }
        else
        {
            var (dir, sourceModel) = init.FromThisRun ? (runDir, plan.Model(init.Model!)) : EarlierRun(plan, model, init);
            int s = init.Seed ?? seed;
            var (weights, epoch) = UnitWeights(dir, sourceModel.Name, s, init);
            using var built = ModelBuilder.Build(sourceModel, new BuildOptions { ChannelsLast = false });
            built.load(weights);
            source = built.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
            from = $"{sourceModel.Name} seed {s} epoch {epoch}{(init.FromThisRun ? "" : $" of {init.Run}")}";
        }
        var mapped = Map(model, source.ToDictionary(kv => kv.Key, kv => kv.Value.shape), init);
        if (mapped.Problems.Count > 0)
            throw new InitException($"the weights of {from} do not fit: {string.Join("; ", mapped.Problems.Take(MaxListed))}", null);
        var target = module.state_dict();
        using (no_grad())
            foreach (var (sourceName, targetName) in mapped.Pairs)
                target[targetName].copy_(source[sourceName].to(target[targetName].dtype));
        return $"{mapped.Pairs.Count} tensors from {from}";
    }

    /// <summary>Stops the layers `freeze:` names from training: their parameters no longer require gradients.</summary>
    public static int Freeze(ModelPlan model, Sequential module)
    {
        if (model.Spec.Freeze is not { Count: > 0 } names) return 0;
        var paths = ModulePaths(model, byName: true);
        var prefixes = InitRules.Frozen(model, names).Select(l => paths[l] + ".").ToList();
        int frozen = 0;
        foreach (var (name, p) in module.named_parameters())
            if (prefixes.Any(name.StartsWith))
            {
                p.requires_grad = false;
                frozen++;
            }
        return frozen;
    }

    /// <summary>
    /// Units in the order their weights exist: a unit whose model starts from another model of this run
    /// comes in a later phase than that model's units (units of one phase may train side by side).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<T>> Phases<T>(ExperimentPlan plan, IReadOnlyList<T> units, Func<T, string> modelOf)
    {
        var byName = plan.Models.ToDictionary(m => m.Name);
        int Depth(string model) => InitRules.SourcesInRun(byName[model], byName).Count();
        return units.GroupBy(u => Depth(modelOf(u))).OrderBy(g => g.Key).Select(g => (IReadOnlyList<T>)g.ToList()).ToList();
    }

    /// <summary>SHA-256 of every weights file the models start from (manifest.json), by model.</summary>
    public static IReadOnlyDictionary<string, string>? Sources(ExperimentPlan plan)
    {
        var hashes = new Dictionary<string, string>();
        foreach (var model in plan.Models.Where(m => m.Spec.Init is { FromThisRun: false }))
        {
            var init = model.Spec.Init!;
            if (init.File is { } file) hashes[model.Name] = $"{file} sha256:{Sha256(SourcePath(plan, file))}";
            else
            {
                var (run, source) = EarlierRun(plan, model, init);
                var seeds = init.Seed is int s ? [s] : plan.Spec.RunSeeds;
                hashes[model.Name] = string.Join("; ", seeds.Select(seed =>
                    UnitWeights(run, source.Name, seed, init) is var (w, epoch) ? $"{init.Run}: {source.Name} seed {seed} epoch {epoch} sha256:{Sha256(w)}" : ""));
            }
        }
        return hashes.Count > 0 ? hashes : null;
    }

    // ---- sources ----

    static string SourcePath(ExperimentPlan plan, string path) =>
        Path.GetFullPath(path, Path.GetDirectoryName(Path.GetFullPath(plan.Spec.Where?.File is { } f && f != "<spec>" ? f : "spec.yaml"))!);

    /// <summary>The earlier run's directory and the model its weights fit, rebuilt from its spec.resolved.yaml.</summary>
    static (string Dir, ModelPlan Model) EarlierRun(ExperimentPlan plan, ModelPlan model, InitSpec init)
    {
        string dir = SourcePath(plan, init.Run!);
        string resolved = Path.Combine(dir, RunFiles.ResolvedSpec);
        if (!File.Exists(resolved))
            throw new InitException($"`init.run` is {init.Run}, which holds no run of cnnexp ({resolved} does not exist)",
                "give the directory `cnnexp run` wrote (e.g. runs/NAME), relative to the spec's folder");
        var load = SpecLoader.LoadFile(resolved);
        var diagnostics = new DiagnosticBag();
        var sourcePlan = load.Ok ? Planner.Plan(load.Spec!, diagnostics) : null;
        if (sourcePlan is null)
            throw new InitException($"the run in {init.Run} cannot be planned again: {load.Diagnostics.Concat(diagnostics.Items).FirstOrDefault(d => d.IsError)?.Message}",
                "export its weights (`cnnexp export RUN --model M`) and give the .safetensors file as `init.file`");
        string name = init.Model ?? model.Name;
        var source = sourcePlan.Models.FirstOrDefault(m => m.Name == name)
            ?? throw new InitException($"the run in {init.Run} has no model `{name}`",
                Spec.Binding.Suggest.DidYouMean(name, sourcePlan.Models.Select(m => m.Name).ToList()) ?? "its models: " + string.Join(", ", sourcePlan.Models.Select(m => m.Name)));
        return (dir, source);
    }

    /// <summary>The weights file of a run's unit for `init.epoch`, and the epoch it holds.</summary>
    static (string File, int Epoch) UnitWeights(string runDir, string model, int seed, InitSpec init)
    {
        var unit = UnitPaths.For(runDir, model, seed);
        var state = unit.ReadState();
        if (state is not { EpochsDone: > 0 })
            throw new InitException($"{model} seed {seed} has no finished epoch in {(init.FromThisRun ? "this run" : init.Run)}",
                init.FromThisRun ? "it trains first in this run: was it stopped, or left to another shard?" : "train it first, or give another `seed`");
        var (file, epoch) = init.Epoch switch
        {
            "last" => (unit.LastWeights, state.EpochsDone),
            "best" => (unit.BestWeights, state.BestEpoch),
            _ when init.EpochNumber == state.EpochsDone => (unit.LastWeights, state.EpochsDone),
            _ when init.EpochNumber == state.BestEpoch => (unit.BestWeights, state.BestEpoch),
            _ => throw new InitException($"{model} seed {seed} kept the weights of its last epoch ({state.EpochsDone}) and its best ({state.BestEpoch}), not of epoch {init.Epoch}",
                $"give `epoch: last`, `epoch: best`, `epoch: {state.EpochsDone}` or `epoch: {state.BestEpoch}`"),
        };
        if (!File.Exists(file)) throw new InitException($"{file} does not exist", "the run directory is incomplete: rerun or resume it");
        return (file, epoch);
    }

    /// <summary>A safetensors or PyTorch state_dict file's tensors, by name (in the caller's dispose scope).</summary>
    static Dictionary<string, Tensor> ReadFile(string path)
    {
        if (!File.Exists(path)) throw new InitException($"{path} does not exist", "the path is relative to the spec's folder");
        if (new FileInfo(path).Length > MaxFileBytes) throw new InitException($"{path} is larger than {MaxFileBytes >> 30} GB", null);
        try
        {
            if (Path.GetExtension(path).Equals(".safetensors", StringComparison.OrdinalIgnoreCase))
            {
                using (var head = File.OpenRead(path))                  // an 8-byte header length, then that much JSON
                {
                    var length = new byte[8];
                    if (head.ReadAtLeast(length, 8, throwOnEndOfStream: false) < 8 || BitConverter.ToUInt64(length) is var n && (n > (ulong)head.Length - 8 || n > 100_000_000))
                        throw new InitException($"{path} is not a safetensors file (its header length is wrong)", "write it with safetensors' `save_file` or `cnnexp export`");
                }
                return Safetensors.LoadStateDict(path);
            }
            var table = PyTorchUnpickler.UnpickleStateDict(path);
            var tensors = new Dictionary<string, Tensor>();
            foreach (DictionaryEntry e in table)
                if (e.Key is string name && e.Value is Tensor t) tensors[name] = t;
                else throw new InitException($"{path} holds `{e.Key}`, which is not a tensor", "save `model.state_dict()`, not the model or a checkpoint dictionary");
            return tensors;
        }
        catch (Exception e) when (e is not InitException and not OutOfMemoryException)
        {
            throw new InitException($"{path} cannot be read as {(path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase) ? "safetensors" : "a PyTorch state_dict")}: {e.Message}",
                "write it with `torch.save(model.state_dict(), PATH)` or safetensors' `save_file`");
        }
    }

    static Dictionary<string, long[]> Shapes(ModelPlan model)
    {
        using var built = ModelBuilder.Build(model, new BuildOptions { ChannelsLast = false });
        return built.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.shape);
    }

    // ---- matching ----

    sealed record Mapping(List<(string Source, string Target)> Pairs, List<string> Problems);

    static void Compare(ModelPlan model, Dictionary<string, long[]> source, string from, InitSpec init, SourceSpan? where, List<Diagnostic> problems)
    {
        var mapped = Map(model, source, init);
        foreach (var p in mapped.Problems.Take(MaxListed))
            problems.Add(Diagnostic.Error("init-tensor", $"model `{model.Name}`, init from {from}: {p}", where,
                p.Contains("no tensor of the model", StringComparison.Ordinal) ? "rename it with `init.map: { SOURCE: TARGET }`, or take some layers with `init.only`" : null));
        if (mapped.Problems.Count > MaxListed)
            problems.Add(Diagnostic.Error("init-tensor", $"model `{model.Name}`, init from {from}: and {mapped.Problems.Count - MaxListed} more tensor problem(s)", where));
    }

    static Mapping Map(ModelPlan model, Dictionary<string, long[]> source, InitSpec init)
    {
        var target = Shapes(model);
        var paths = ModulePaths(model, byName: true);
        var only = init.Only?.Select(n => paths.GetValueOrDefault(n, n) + ".").ToList();
        bool Wanted(string name) => only is null || only.Any(name.StartsWith);
        var pairs = new List<(string, string)>();
        var problems = new List<string>();
        var filled = new HashSet<string>();
        foreach (var (name, shape) in source)
        {
            string to = init.Map?.Select(r => r.Apply(name)).FirstOrDefault(n => n is not null) ?? name;
            if (!target.TryGetValue(to, out var want))
            {
                if (only is null) problems.Add($"`{name}` ({Shape(shape)}) of the source matches no tensor of the model{(to != name ? $" (renamed `{to}`)" : "")}");
                continue;
            }
            if (!Wanted(to)) continue;
            if (!shape.SequenceEqual(want))
                problems.Add($"`{to}` is {Shape(want)} in the model but {Shape(shape)} in the source{(to != name ? $" (`{name}`)" : "")}");
            else if (!filled.Add(to))
                problems.Add($"`{to}` is given twice by the source (check `init.map`)");
            else pairs.Add((name, to));
        }
        foreach (var (name, shape) in target.Where(t => Wanted(t.Key) && !filled.Contains(t.Key) && !problems.Any(p => p.StartsWith($"`{t.Key}` is", StringComparison.Ordinal))))
            problems.Add($"`{name}` ({Shape(shape)}) of the model is missing from the source");
        return new Mapping(pairs, problems);
    }

    /// <summary>Each planned layer's module path: its name at the top, `residual1.body.conv3` inside a residual.</summary>
    static Dictionary<PlannedLayer, string> ModulePaths(ModelPlan model)
    {
        var paths = new Dictionary<PlannedLayer, string>(ReferenceEqualityComparer.Instance);
        void Walk(IEnumerable<PlannedLayer> layers, Func<string, string> key)
        {
            foreach (var l in layers)
            {
                string path = paths[l] = key(l.Name);
                Walk(l.Body, child => ResidualModule.BodyKey(path, child));
                if (l.Shortcut is { } s) paths[s] = ResidualModule.ProjectionKey(path);
            }
        }
        Walk(model.Layers, name => name);
        return paths;
    }

    static Dictionary<string, string> ModulePaths(ModelPlan model, bool byName) =>
        ModulePaths(model).GroupBy(kv => kv.Key.Name).ToDictionary(g => g.Key, g => g.First().Value);

    static string Shape(long[] shape) => shape.Length == 0 ? "a scalar" : string.Join("x", shape);

    static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

/// <summary>An `init:` source that cannot be used: a located spec error (exit 2), before or at the start of training.</summary>
public sealed class InitException(string message, string? hint) : Exception(message), IExpectedFailure
{
    public string? Hint { get; } = hint;
}
