using Cnnexp.Results;
using Cnnexp.Results.Artefacts;
using Cnnexp.Spec;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Planning;
using Color = ScottPlot.Color;

namespace Cnnexp.Figures;

/// <summary>Everything figures and the report read, loaded once from a finished run directory.</summary>
public sealed class RunData
{
    public required string Dir { get; init; }
    public required RunSummary Summary { get; init; }
    public required IReadOnlyList<EpochMetrics> Metrics { get; init; }
    /// <summary>spec.resolved.yaml as written by the run; null if missing.</summary>
    public string? SpecText { get; init; }
    /// <summary>The resolved spec planned again (shapes, parameters); null when it is missing or does not plan.</summary>
    public ExperimentPlan? Plan { get; init; }
    public SampleImages? Samples { get; init; }
    public IReadOnlyDictionary<string, ModelArtefacts> Artefacts { get; init; } = new Dictionary<string, ModelArtefacts>();

    public IReadOnlyList<string> Models => Summary.Models.Select(m => m.Name).ToList();

    /// <summary>Class names: from the summary, else the sample artefact, else the data set, else numbers.</summary>
    public IReadOnlyList<string> Classes =>
        Summary.Classes.Count > 0 ? Summary.Classes
        : Samples is not null ? Samples.Classes
        : Plan is not null ? Plan.Dataset.Classes
        : Enumerable.Range(0, ClassCountFromResults()).Select(i => $"class {i}").ToList();

    /// <summary>A model's colour: the same in every figure.</summary>
    public Color ColorOf(string model) => Palette.ForModel(Math.Max(0, Models.ToList().IndexOf(model)));

    public ModelArtefacts? ArtefactsOf(string model) => Artefacts.GetValueOrDefault(model);

    public static RunData Load(string dir)
    {
        string summaryPath = Path.Combine(dir, RunFiles.Summary);
        if (!File.Exists(summaryPath))
            throw new FileNotFoundException($"{dir} is not a finished run directory: it has no {RunFiles.Summary}", summaryPath);
        string specPath = Path.Combine(dir, RunFiles.ResolvedSpec);
        string? specText = File.Exists(specPath) ? File.ReadAllText(specPath) : null;
        string metricsPath = Path.Combine(dir, RunFiles.Metrics);
        return new RunData
        {
            Dir = dir,
            Summary = RunFiles.ReadJson<RunSummary>(summaryPath),
            Metrics = File.Exists(metricsPath) ? MetricsCsv.Read(metricsPath) : [],
            SpecText = specText,
            Plan = specText is null ? null : PlanOf(specText),
            Samples = ArtefactFiles.ReadSamples(dir),
            Artefacts = ArtefactFiles.ReadModels(dir),
        };
    }

    static ExperimentPlan? PlanOf(string specText)
    {
        var load = SpecLoader.LoadText(specText, RunFiles.ResolvedSpec);
        return load.Ok ? Planner.Plan(load.Spec!, new DiagnosticBag()) : null;
    }

    int ClassCountFromResults() =>
        Summary.Models.SelectMany(m => m.Seeds).Select(s => Math.Max(s.PerClassAccuracy.Count, s.Confusion.Count)).DefaultIfEmpty(0).Max();
}
