using System.Globalization;
using Cnnexp.Results;

namespace Cnnexp.Figures.Report;

/// <summary>The statistics table of the report (HTML and Markdown share these cells).</summary>
public static class StatisticsRows
{
    public static readonly string[] Headers =
        ["model", "parameters", "MACs / image", "seeds", "test accuracy (mean)", "std. dev.", "95% CI", "final train loss"];

    public static IReadOnlyList<string[]> Rows(RunSummary summary) => summary.Models.Select(m =>
    {
        var s = m.TestAccuracy;
        double mean = s?.Mean ?? m.MeanTestAccuracy;
        return new[]
        {
            m.Name, N(m.Parameters), N(m.Macs), m.Seeds.Count.ToString(CultureInfo.InvariantCulture), Percent(mean),
            s is null || !double.IsFinite(s.StdDev) ? "–" : Points(s.StdDev),
            s is null || !double.IsFinite(s.Ci95Low) ? "–" : $"[{Percent(s.Ci95Low)}, {Percent(s.Ci95High)}]",
            m.Seeds.Count == 0 ? "–" : m.Seeds.Average(r => r.FinalTrainLoss).ToString("0.0000", CultureInfo.InvariantCulture),
        };
    }).ToList();

    /// <summary>The comparison table's columns: the paired t-test's for fixed seeds, the confidence sequence's for adaptive ones.</summary>
    public static string[] ComparisonHeaders(RunSummary summary) => summary.Adaptive is { } a
        ? ["comparison", "seeds", "mean difference", $"{Level(a.Alpha)} anytime-valid CI", "anytime p", "outcome"]
        : ["comparison", "seeds", "mean difference", "95% CI", "p (paired t)"];

    /// <summary>
    /// What an adaptive study did, as sentences for the report: the rule, the seeds, why it stopped, what racing
    /// dropped (nothing for fixed seeds).
    /// </summary>
    public static IReadOnlyList<string> Adaptive(RunSummary summary)
    {
        if (summary.Adaptive is not { } a) return [];
        var lines = new List<string>
        {
            $"Adaptive seeds `seeds: {a.Rule}`: {a.Explanation}.",
            $"Each comparison is judged by a {Level(a.Alpha)} anytime-valid confidence sequence (Wang & Ramdas, 2023), valid however often it was looked at" +
            (a.Race ? "; racing drops a model once it is significantly worse than another (Holm-corrected)." : "."),
        };
        lines.AddRange(a.Dropped.Select(d => $"`{d.Model}` stopped training after {d.Seeds} seeds: worse than `{d.By}` (anytime p = {Stats(d.PValue)})."));
        return lines;
    }

    /// <summary>The plain-language verdict of each comparison, in the same order as <see cref="Comparisons"/>.</summary>
    public static IReadOnlyList<string> Verdicts(RunSummary summary) => summary.Comparisons.Select(c => c.Verdict).ToList();

    public static IReadOnlyList<string[]> Comparisons(RunSummary summary) => summary.Comparisons.Select(c =>
    {
        string[] cells =
        [
            $"{c.A} − {c.B}", c.N.ToString(CultureInfo.InvariantCulture), SignedPoints(c.MeanDifference),
            double.IsFinite(c.Ci95Low) && double.IsFinite(c.Ci95High) ? $"[{SignedPoints(c.Ci95Low)}, {SignedPoints(c.Ci95High)}]" : "–",
            Stats(c.PValue),
        ];
        return c.Outcome is { } o ? [.. cells, o.ToString().ToLowerInvariant()] : cells;
    }).ToList();

    static string Stats(double p) => double.IsFinite(p) ? (p < 0.001 ? "< 0.001" : p.ToString("0.000", CultureInfo.InvariantCulture)) : "–";
    static string Level(double alpha) => (100 * (1 - alpha)).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
    public static string Percent(double v) => double.IsFinite(v) ? (100 * v).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "–";
    static string Points(double v) => (100 * v).ToString("0.00", CultureInfo.InvariantCulture) + " pts";
    static string SignedPoints(double v) => (v >= 0 ? "+" : "−") + (100 * Math.Abs(v)).ToString("0.00", CultureInfo.InvariantCulture) + " pts";
}
