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

    public static readonly string[] ComparisonHeaders = ["comparison", "seeds", "mean difference", "95% CI", "p (paired t)"];

    /// <summary>The plain-language verdict of each comparison, in the same order as <see cref="Comparisons"/>.</summary>
    public static IReadOnlyList<string> Verdicts(RunSummary summary) => summary.Comparisons.Select(c => c.Verdict).ToList();

    public static IReadOnlyList<string[]> Comparisons(RunSummary summary) => summary.Comparisons.Select(c => new[]
    {
        $"{c.A} − {c.B}", c.N.ToString(CultureInfo.InvariantCulture), SignedPoints(c.MeanDifference),
        double.IsFinite(c.Ci95Low) ? $"[{SignedPoints(c.Ci95Low)}, {SignedPoints(c.Ci95High)}]" : "–",
        double.IsFinite(c.PValue) ? (c.PValue < 0.001 ? "< 0.001" : c.PValue.ToString("0.000", CultureInfo.InvariantCulture)) : "–",
    }).ToList();

    public static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
    public static string Percent(double v) => double.IsFinite(v) ? (100 * v).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "–";
    static string Points(double v) => (100 * v).ToString("0.00", CultureInfo.InvariantCulture) + " pts";
    static string SignedPoints(double v) => (v >= 0 ? "+" : "−") + (100 * Math.Abs(v)).ToString("0.00", CultureInfo.InvariantCulture) + " pts";
}
