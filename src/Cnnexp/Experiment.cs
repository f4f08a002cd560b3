using System.Security.Cryptography;
using System.Text;
using Cnnexp.Engine.Data;
using Cnnexp.Engine.Host;
using Cnnexp.Engine.Native;
using Cnnexp.Engine.Training;
using Cnnexp.Figures.Report;
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
    /// <param name="overrides"><c>KEY=VALUE</c> overrides as given to <c>--set</c>, e.g. <c>train.epochs=2</c>.</param>
    public static LoadResult Load(string path, IReadOnlyList<string>? overrides = null) => SpecLoader.LoadFile(path, overrides);

    /// <summary>Reads and validates spec text; <paramref name="file"/> names it in diagnostics, and `include:` paths start from its folder.</summary>
    public static LoadResult Parse(string yaml, string file = "<spec>", IReadOnlyList<string>? overrides = null) =>
        SpecLoader.LoadText(yaml, file, overrides);

    /// <summary>
    /// Resolves variants and infers every shape. The spec's hook scripts are compiled first (or taken
    /// from the cache) and run once, since a script layer's shape comes from its script; their compile
    /// errors are diagnostics like any other.
    /// </summary>
    public static PlanResult Plan(ExperimentSpec spec, IReadOnlyDictionary<string, string>? sources = null, HookOptions? hooks = null)
    {
        var texts = new Dictionary<string, string>(sources ?? new Dictionary<string, string>());
        var loaded = HookLoader.Load(spec, hooks ?? new HookOptions { CacheDirectory = HostSettings.FromEnvironment().HookCache });
        foreach (var (file, text) in loaded.Sources) texts[file] = text;
        if (!loaded.Ok) return new PlanResult(null, loaded.Diagnostics, texts);
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(loaded.Diagnostics);
        var plan = Planner.Plan(loaded.Hooks is { } h ? HookBinder.Bind(spec, h) : spec, diagnostics) is { } p ? p with { Hooks = loaded.Hooks } : null;
        if (plan is not null) diagnostics.AddRange(Engine.Training.InitialWeights.Check(plan));   // `init` sources read now: errors before any training
        return new PlanResult(diagnostics.HasErrors ? null : plan, diagnostics.Items, texts);
    }

    /// <summary>
    /// Trains every model for every seed (with the spec's hooks), writes the run directory, draws the
    /// figures and writes the report.
    /// </summary>
    /// <param name="progress">Receives batch, epoch and log reports on the training threads, as they happen.</param>
    public static RunResult Run(ExperimentPlan plan, RunSettings? settings = null, Action<string>? log = null,
        CancellationToken cancellationToken = default, IProgress<TrainingProgress>? progress = null)
    {
        settings ??= new RunSettings();
        return HookedRun.Run(plan, log is null ? settings : settings with { Log = log }, progress, cancellationToken);
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
        var (planned, data) = await Task.Run(() => PlanWhileDataLoads(spec, null, settings), CancellationToken.None).ConfigureAwait(false);
        if (!planned.Ok) return HookedRun.Refused(settings.OutDir ?? "", planned.Diagnostics, planned.Sources);
        return await Task.Run(() => HookedRun.Run(planned.Plan!, settings with { Data = data }, progress, cancellationToken), CancellationToken.None)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Writes models for PyTorch: each unit's weights as a state_dict and safetensors, and with
    /// <see cref="ExportFormat.PyTorch"/> each model as <c>MODEL.py</c>, a plain <c>torch.nn.Module</c>
    /// that loads them (docs/parity.md). <paramref name="runOrSpec"/> is a run directory (its finished
    /// units' last or best weights) or a spec file (each seed's initial weights). Bad input gives a
    /// result with <see cref="ExportResult.Error"/> and no files.
    /// </summary>
    public static ExportResult Export(string runOrSpec, ExportOptions? options = null) => ModelExport.Run(runOrSpec, options ?? new ExportOptions());

    /// <summary>
    /// Classifies PNG or JPEG files (or folders of them) with a run's trained model: each image decoded and
    /// resized as the data set's images were (luma when it has one channel), normalised as `data.normalize`
    /// says, then the model, one batch at a time. Returns every class's logit and probability and the top
    /// <see cref="PredictOptions.Top"/> per image; a file that cannot be read is one line in
    /// <see cref="PredictResult.ImageErrors"/> and the others are still classified (docs/predict.md).
    /// </summary>
    public static PredictResult Predict(string runDir, PredictOptions options) => ModelPrediction.Run(runDir, options);

    /// <summary>The plan as text: per model, each input transform and layer with shapes, parameters and MACs.</summary>
    public static string Inspect(ExperimentPlan plan) => PlanText.Format(plan);

    /// <summary>
    /// One model's seconds per training epoch, estimated from a few timed steps on random data (what
    /// `cnnexp plan --measure` prints); NaN when the data set's size is not known before it is read.
    /// </summary>
    /// <param name="threads">CPU threads for the timed steps; 0: the native default.</param>
    public static double EstimateSecondsPerEpoch(ExperimentPlan plan, string model, int threads = 0) =>
        CostProbe.SecondsPerEpoch(plan, plan.Model(model), threads);

    /// <summary>
    /// Creates the run directory of <paramref name="plan"/> (its spec.resolved.yaml and the ledger of
    /// units) without training, as `cnnexp submit` does before its jobs start; returns true when the
    /// directory already held this run. A directory holding another spec is refused (an exception
    /// showing the difference), so jobs never mix two experiments' results.
    /// </summary>
    public static bool PrepareRunDir(string runDir, ExperimentPlan plan) => RunDirectory.Prepare(runDir, plan);

    /// <summary>A finished run directory as records: summary, every metrics row, the resolved spec.</summary>
    public static FinishedRun ReadResults(string runDir) => FinishedRun.Read(runDir);

    /// <summary>
    /// Merges every finished unit of a run directory (however many processes trained them) into
    /// metrics.csv and summary.json, redraws the figures and writes the report, without training. Returns null with
    /// diagnostics when DIR holds no readable spec.resolved.yaml.
    /// </summary>
    public static ReportResult Report(string runDir)
    {
        var load = Load(Path.Combine(runDir, RunFiles.ResolvedSpec));
        if (!load.Ok) throw new InvalidDataException($"{runDir} is not a run directory:\n{load.FormatDiagnostics()}");
        var plan = Plan(load.Spec!, load.Sources);
        if (!plan.Ok) throw new InvalidDataException(plan.FormatDiagnostics());
        var merged = ExperimentRunner.Merge(plan.Plan!, runDir);
        var figures = RunReport.Write(runDir).Figures.Files.ToList();
        if (plan.Plan!.Hooks is LoadedHooks { RunHooks.Count: > 0 } hooks)          // the spec's hook figures, redrawn too
        {
            var run = new HookRun(hooks.RunHooks, hooks);
            figures.AddRange(Scripting.Figures.HookFigures.Render(runDir, run, hooks.RunHooks));
            if (run.Failures.Count > 0) throw new InvalidOperationException(string.Join("\n", run.Failures));
        }
        return new ReportResult(runDir, merged.Summary, merged.Missing, figures);
    }

    /// <summary>
    /// Draws one built-in figure of a finished run from its directory alone, as <c>cnnexp report</c> would (into
    /// DIR/figures, PNG and SVG), and returns its files, title and caption. An unknown name throws
    /// <see cref="ArgumentException"/> listing the known ones; a figure this run cannot have (e.g.
    /// <c>channel_contributions</c> when no first convolution sees more than one channel) throws
    /// <see cref="InvalidOperationException"/> saying why.
    /// </summary>
    public static Figures.FigureFile Figure(string runDir, string name)
    {
        var set = Figures.FigureRenderer.Render(runDir, [name]);
        return set.Drawn.SingleOrDefault()
               ?? throw new InvalidOperationException($"figure `{name}` cannot be drawn from {runDir}: {set.Skipped.Single().Reason}");
    }

    /// <summary><c>runs/NAME/yyyyMMdd-HHmmss-HASH</c>: sortable by time, tied to the resolved spec.</summary>
    public static string DefaultRunDir(ExperimentSpec spec)
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SpecWriter.Write(spec))))[..8];
        return Path.Combine("runs", spec.Name, $"{DateTime.Now:yyyyMMdd-HHmmss}-{hash}");
    }

    /// <summary>
    /// Plans (compiling the spec's hooks) while, when there are hooks to compile, the data set loads on
    /// another thread; the data is handed to the run through <see cref="RunSettings"/>. When the plan
    /// fails the data is freed once loaded. (The CLI's `run` uses this too.)
    /// </summary>
    internal static (PlanResult Plan, Task<LoadedDataset>? Data) PlanWhileDataLoads(ExperimentSpec spec,
        IReadOnlyDictionary<string, string>? sources, RunSettings settings)
    {
        var host = settings.Host ?? HostSettings.FromEnvironment();
        var hooks = new HookOptions { Allowed = settings.AllowHooks, CacheDirectory = settings.HookCache ?? host.HookCache };
        bool compiles = settings.AllowHooks && HookReference.Of(spec).Count > 0;
        var data = compiles
            ? Task.Run(() => { NativeRuntime.EnsureLoaded(settings.Threads); return DatasetLoader.Load(spec.Data, host.Data with { Log = settings.Log }); })
            : null;
        PlanResult planned;
        try { planned = Plan(spec, sources, hooks); }
        catch { Discard(data); throw; }
        if (!planned.Ok) Discard(data);
        return (planned, planned.Ok ? data : null);
    }

    /// <summary>Data loaded for a run that will not happen is freed once loaded; its errors do not matter.</summary>
    internal static void Discard(Task<LoadedDataset>? data) =>
        data?.ContinueWith(t => { if (t.IsCompletedSuccessfully) t.Result.Dispose(); else _ = t.Exception; }, TaskScheduler.Default);
}
