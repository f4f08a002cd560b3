namespace Cnnexp.Results;

/// <summary>A finished run directory read back as plain records: what custom figures and scripts see.</summary>
public sealed record FinishedRun
{
    /// <summary>The run directory.</summary>
    public required string Dir { get; init; }
    public required RunSummary Summary { get; init; }
    /// <summary>Every row of metrics.csv (all models, seeds and epochs), extra columns included.</summary>
    public required IReadOnlyList<EpochMetrics> Metrics { get; init; }
    /// <summary>spec.resolved.yaml; null when missing.</summary>
    public string? SpecText { get; init; }

    /// <summary>The rows of one model, every seed, in epoch order.</summary>
    public IReadOnlyList<EpochMetrics> MetricsOf(string model) =>
        Metrics.Where(m => m.Model == model).OrderBy(m => m.Seed).ThenBy(m => m.Epoch).ToList();

    /// <summary>Reads summary.json, metrics.csv and spec.resolved.yaml of <paramref name="dir"/>.</summary>
    public static FinishedRun Read(string dir)
    {
        string summary = Path.Combine(dir, RunFiles.Summary), metrics = Path.Combine(dir, RunFiles.Metrics);
        string spec = Path.Combine(dir, RunFiles.ResolvedSpec);
        if (!File.Exists(summary))
            throw new FileNotFoundException($"{dir} is not a finished run directory: it has no {RunFiles.Summary}", summary);
        return new FinishedRun
        {
            Dir = dir,
            Summary = RunFiles.ReadJson<RunSummary>(summary),
            Metrics = File.Exists(metrics) ? MetricsCsv.Read(metrics) : [],
            SpecText = File.Exists(spec) ? File.ReadAllText(spec) : null,
        };
    }
}
