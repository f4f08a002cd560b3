using System.Globalization;
using Cnnexp.Results;

namespace Cnnexp.Figures.Report;

/// <summary>Everything a report shows, gathered once so the HTML and Markdown versions say the same.</summary>
public sealed record ReportContent(RunData Run, FigureSet Figures, IReadOnlyList<VariantDiff> Diffs,
    IReadOnlyList<RunFileEntry> Files, string? Manifest)
{
    public RunSummary Summary => Run.Summary;

    /// <summary>One line about the run: data set, models, seeds, epochs, time.</summary>
    public string Facts()
    {
        var parts = new List<string> { $"data set: {Summary.Dataset}", $"{Summary.Models.Count} model(s)" };
        parts.Add($"seeds: {string.Join(", ", Summary.Seeds)}");
        int epochs = Run.Metrics.Count == 0 ? 0 : Run.Metrics.Max(m => m.Epoch);
        if (epochs > 0) parts.Add($"{epochs} epoch(s)");
        if (Summary.Seconds > 0) parts.Add(Summary.Seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s of training");
        return string.Join(" · ", parts);
    }

    /// <summary>Each measured check with a plain status: the channel decomposition must agree within 1e-5.</summary>
    public IReadOnlyList<string[]> Checks() => Summary.Checks.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new[]
    {
        c.Key, c.Value.ToString("0.###e+0", CultureInfo.InvariantCulture),
        c.Key.StartsWith("channel_contributions.", StringComparison.Ordinal)
            ? c.Value <= Catalog.ChannelContributionsFigure.Tolerance ? "ok (≤ 1e-5)" : "FAILED (> 1e-5)"
            : "",
    }).ToList();

    public static ReportContent Gather(RunData run, FigureSet figures, IReadOnlyCollection<string> reportFiles)
    {
        string manifestPath = Path.Combine(run.Dir, RunFiles.Manifest);
        return new ReportContent(run, figures,
            run.Plan is null ? [] : VariantDiff.All(run.Plan),
            RunFileEntry.List(run.Dir, reportFiles),
            File.Exists(manifestPath) ? File.ReadAllText(manifestPath) : null);
    }
}
