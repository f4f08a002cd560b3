using System.Security.Cryptography;
using System.Text;
using Cnnexp.Engine.Training;
using Cnnexp.Figures.Report;
using Cnnexp.Results;
using Cnnexp.Spec;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Yaml;

namespace Cnnexp;

/// <summary>
/// The public entry point, the same from C# and F#: load a spec, plan it, run it.
/// Load → Plan → Run → figures; each step returns a record, never throws on bad input.
/// </summary>
public static class Experiment
{
    /// <summary>Reads and validates a spec file.</summary>
    /// <param name="overrides"><c>KEY=VALUE</c> overrides as given to <c>--set</c>, e.g. <c>train.epochs=2</c>.</param>
    public static LoadResult Load(string path, IReadOnlyList<string>? overrides = null) => SpecLoader.LoadFile(path, overrides);

    /// <summary>Reads and validates spec text; <paramref name="file"/> names it in diagnostics.</summary>
    public static LoadResult Parse(string yaml, string file = "<spec>", IReadOnlyList<string>? overrides = null) =>
        SpecLoader.LoadText(yaml, file, overrides);

    /// <summary>Resolves variants and infers every shape.</summary>
    public static PlanResult Plan(ExperimentSpec spec, IReadOnlyDictionary<string, string>? sources = null)
    {
        var diagnostics = new DiagnosticBag();
        var plan = Planner.Plan(spec, diagnostics);
        return new PlanResult(diagnostics.HasErrors ? null : plan, diagnostics.Items, sources ?? new Dictionary<string, string>());
    }

    /// <summary>Trains every model for every seed, writes the run directory, draws the figures and writes the report.</summary>
    public static RunResult Run(ExperimentPlan plan, RunSettings? settings = null, Action<string>? log = null,
        CancellationToken cancellationToken = default)
    {
        settings ??= new RunSettings();
        string outDir = settings.OutDir ?? DefaultRunDir(plan.Spec);
        var options = new RunOptions
        {
            OutDir = outDir, Threads = settings.Threads, Log = log, Callbacks = settings.Callbacks,
            Only = settings.Only, CommandLine = settings.CommandLine,
        };
        var summary = ExperimentRunner.Run(plan, options, cancellationToken);
        // A partial run (some units only) leaves figures to `cnnexp report`, which merges every unit.
        // Figures and report.html/report.md come from the run directory alone, exactly as `cnnexp report` redraws them.
        var figures = settings.Figures && settings.Only is null ? RunReport.Write(outDir).Figures.Files : [];
        return new RunResult(outDir, summary, figures);
    }

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
        var figures = RunReport.Write(runDir).Figures.Files;
        return new ReportResult(runDir, merged.Summary, merged.Missing, figures);
    }

    /// <summary><c>runs/NAME/yyyyMMdd-HHmmss-HASH</c>: sortable by time, tied to the resolved spec.</summary>
    public static string DefaultRunDir(ExperimentSpec spec)
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SpecWriter.Write(spec))))[..8];
        return Path.Combine("runs", spec.Name, $"{DateTime.Now:yyyyMMdd-HHmmss}-{hash}");
    }
}
