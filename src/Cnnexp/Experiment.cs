using System.Security.Cryptography;
using System.Text;
using Cnnexp.Engine.Data;
using Cnnexp.Engine.Native;
using Cnnexp.Results;
using Cnnexp.Scripting.Loading;
using Cnnexp.Scripting.Running;
using Cnnexp.Spec;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Scripts;
using Cnnexp.Spec.Yaml;

namespace Cnnexp;

/// <summary>
/// The public entry point, the same from C# and F# (<c>open type Cnnexp.Experiment</c> works):
/// Load → Plan → Run → figures; each step returns a record and never throws on bad input.
/// </summary>
public static class Experiment
{
    /// <summary>Reads and validates a spec file.</summary>
    public static LoadResult Load(string path) => SpecLoader.LoadFile(path);

    /// <summary>Reads and validates spec text; <paramref name="file"/> names it in diagnostics.</summary>
    public static LoadResult Parse(string yaml, string file = "<spec>") => SpecLoader.LoadText(yaml, file);

    /// <summary>
    /// Resolves variants and infers every shape. The spec's hook scripts are compiled first (or taken
    /// from the cache) and run once, since a script layer's shape comes from its script; their compile
    /// errors are diagnostics like any other.
    /// </summary>
    public static PlanResult Plan(ExperimentSpec spec, IReadOnlyDictionary<string, string>? sources = null, HookOptions? hooks = null)
    {
        var texts = new Dictionary<string, string>(sources ?? new Dictionary<string, string>());
        var loaded = HookLoader.Load(spec, hooks);
        foreach (var (file, text) in loaded.Sources) texts[file] = text;
        if (!loaded.Ok) return new PlanResult(null, loaded.Diagnostics, texts);
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(loaded.Diagnostics);
        var plan = Planner.Plan(loaded.Hooks is { } h ? HookBinder.Bind(spec, h) : spec, diagnostics);
        return new PlanResult(diagnostics.HasErrors ? null : plan, diagnostics.Items, texts);
    }

    /// <summary>Trains every model for every seed, writes the run directory and draws the figures (hooks included).</summary>
    public static RunResult Run(ExperimentPlan plan, RunSettings? settings = null, Action<string>? log = null,
        CancellationToken cancellationToken = default)
    {
        settings ??= new RunSettings();
        return HookedRun.Run(plan, log is null ? settings : settings with { Log = log }, null, null, cancellationToken);
    }

    /// <summary>
    /// Plans and runs a spec in one call, off the calling thread: hook scripts compile on a background
    /// thread while the data loads on another. Reports batches, epochs and log lines to
    /// <paramref name="progress"/>; <paramref name="cancellationToken"/> stops after the current batch
    /// (finished epochs are kept; run again into the same directory to resume). An invalid spec gives
    /// a result with diagnostics and no summary: nothing is trained.
    /// </summary>
    public static async Task<RunResult> RunAsync(ExperimentSpec spec, RunSettings? settings = null, IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        settings ??= new RunSettings();
        var hooks = new HookOptions { Allowed = settings.AllowHooks, CacheDirectory = settings.HookCache };
        bool compiles = settings.AllowHooks && HookReference.Of(spec).Count > 0;
        var data = compiles ? Task.Run(() => { NativeRuntime.EnsureLoaded(settings.Threads); return DatasetLoader.Load(spec.Data); }) : null;
        PlanResult planned;
        try { planned = await Task.Run(() => Plan(spec, null, hooks), CancellationToken.None).ConfigureAwait(false); }
        catch { Discard(data); throw; }
        if (!planned.Ok)
        {
            Discard(data);
            return HookedRun.Refused(settings.OutDir ?? "", planned.Diagnostics, planned.Sources);
        }
        return await Task.Run(() => HookedRun.Run(planned.Plan!, settings, progress, data, cancellationToken), CancellationToken.None)
            .ConfigureAwait(false);
    }

    /// <summary>The plan as text: per model, each input transform and layer with shapes, parameters and MACs.</summary>
    public static string Inspect(ExperimentPlan plan) => PlanText.Format(plan);

    /// <summary>A finished run directory as records: summary, every metrics row, the resolved spec.</summary>
    public static FinishedRun ReadResults(string runDir) => FinishedRun.Read(runDir);

    /// <summary><c>runs/NAME/yyyyMMdd-HHmmss-HASH</c>: sortable by time, tied to the resolved spec.</summary>
    public static string DefaultRunDir(ExperimentSpec spec)
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SpecWriter.Write(spec))))[..8];
        return Path.Combine("runs", spec.Name, $"{DateTime.Now:yyyyMMdd-HHmmss}-{hash}");
    }

    /// <summary>Data loaded for a run that will not happen is freed once loaded; its errors do not matter.</summary>
    static void Discard(Task<LoadedDataset>? data) =>
        data?.ContinueWith(t => { if (t.IsCompletedSuccessfully) t.Result.Dispose(); else _ = t.Exception; }, TaskScheduler.Default);
}
