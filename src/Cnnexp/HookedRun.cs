using Cnnexp.Engine.Host;
using Cnnexp.Engine.Training;
using Cnnexp.Figures.Report;
using Cnnexp.Hooks;
using Cnnexp.Results;
using Cnnexp.Scripting.Figures;
using Cnnexp.Scripting.Loading;
using Cnnexp.Scripting.Running;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Scripts;

namespace Cnnexp;

/// <summary>A planned experiment run with its hooks: callbacks around training, hook figures after the built-in ones.</summary>
static class HookedRun
{
    public static RunResult Run(ExperimentPlan plan, RunSettings settings, IProgress<TrainingProgress>? progress, CancellationToken cancel)
    {
        string outDir = settings.OutDir ?? Experiment.DefaultRunDir(plan.Spec);
        var host = settings.Host ?? HostSettings.FromEnvironment();
        var log = ProgressReports.Log(settings.Log, progress);
        var loaded = plan.Hooks as LoadedHooks;
        if (loaded is null && HookReference.Of(plan.Spec).Count > 0)
        {
            var late = HookLoader.Load(plan.Spec, new HookOptions { Allowed = settings.AllowHooks, CacheDirectory = settings.HookCache ?? host.HookCache });
            if (!late.Ok) return Refused(outDir, late.Diagnostics, late.Sources);
            loaded = late.Hooks;
        }
        else if (loaded is not null && !settings.AllowHooks)
            return Refused(outDir, [Diagnostic.Error("hooks-refused", $"the plan runs hook scripts ({string.Join(", ", loaded.Files)}), and hooks are refused", null)], null);
        IReadOnlyList<HookSet> sets = [.. loaded?.RunHooks ?? [], .. settings.Hooks];
        var hooks = sets.Count > 0 || loaded is not null ? new HookRun(sets, loaded, log) : null;
        if (loaded is not null) log?.Invoke(loaded.Summary());
        var callbacks = ProgressReports.Wrap(settings.Callbacks, progress);
        var options = new RunOptions
        {
            OutDir = outDir, Threads = settings.Threads, Jobs = settings.Jobs, Log = log, Callbacks = hooks?.Wrap(callbacks) ?? callbacks,
            Only = settings.Only, CommandLine = settings.CommandLine, Data = settings.Data,
            ChannelsLast = settings.ChannelsLast ?? host.ChannelsLast, EmulateBf16 = settings.EmulateBf16 ?? host.EmulateBf16, Cores = host.Cores, DataOptions = host.Data,
        };
        var summary = ExperimentRunner.Run(plan, options, cancel);
        // A partial run (some units only) leaves figures to `cnnexp report`, which merges every unit. Figures and
        // report.html/report.md come from the run directory alone, exactly as `cnnexp report` redraws them; hook figures follow.
        bool draw = settings.Figures && settings.Only is null;
        var figures = draw ? RunReport.Write(outDir).Figures.Files.ToList() : [];
        if (draw && hooks is not null) figures.AddRange(HookFigures.Render(outDir, hooks, sets));
        return new RunResult(outDir, summary, figures)
        {
            Metrics = MetricsCsv.Read(Path.Combine(outDir, RunFiles.Metrics)),
            Failures = [.. UnitFailures(plan, outDir), .. hooks?.Failures ?? []],
            Hooks = loaded?.Summary(),
        };
    }

    public static RunResult Refused(string outDir, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyDictionary<string, string>? sources) =>
        new(outDir, null, []) { Diagnostics = diagnostics, Sources = sources ?? new Dictionary<string, string>() };

    /// <summary>"rgb seed 0: hook hooks/x.csx failed at epoch end (…): …" for every unit that ended in `failed`.</summary>
    static IEnumerable<string> UnitFailures(ExperimentPlan plan, string outDir) =>
        from model in plan.Models
        from seed in plan.Spec.RunSeeds
        let state = UnitPaths.For(outDir, model.Name, seed).ReadState()
        where state?.Status == UnitStatus.Failed
        select $"{model.Name} seed {seed}: {state.Message}";
}
