using Cnnexp.Results;
using Cnnexp.Results.Statistics;

namespace Cnnexp;

/// <summary>
/// How many seeds each comparison of a run would need to detect a given difference, from the paired
/// seed-to-seed spread the run observed (<c>cnnexp power</c>).
/// </summary>
public sealed record PowerReport(double EffectPoints, double Power, IReadOnlyList<ComparisonPower> Comparisons)
{
    /// <summary>Reads a finished run's per-seed accuracies; every pair the summary compares.</summary>
    public static PowerReport Of(FinishedRun run, double effectPoints = 1, double power = 0.8, double alpha = 0.05)
    {
        var byModel = run.Summary.Models.ToDictionary(m => m.Name, m => m.Seeds.ToDictionary(s => s.Seed, s => s.FinalTestAccuracy));
        var rows = new List<ComparisonPower>();
        foreach (var c in run.Summary.Comparisons)
        {
            if (!byModel.TryGetValue(c.A, out var a) || !byModel.TryGetValue(c.B, out var b)) continue;
            var d = a.Keys.Intersect(b.Keys).Order().Select(s => 100 * (a[s] - b[s])).ToList();        // points
            double mean = d.Count == 0 ? double.NaN : d.Average();
            double sd = d.Count < 2 ? double.NaN : Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / (d.Count - 1));
            var seeds = d.Count < 2 ? null : Results.Statistics.Power.Needed(effectPoints, sd, power, alpha);
            rows.Add(new ComparisonPower(c.A, c.B, d.Count, mean, sd, seeds?.Fixed, seeds?.Adaptive, seeds?.Limit ?? 0));
        }
        return new PowerReport(effectPoints, power, rows);
    }
}

/// <summary>One comparison: what was seen (in accuracy points) and the seeds the effect needs (null: more than <see cref="Limit"/>, or too few seeds to tell).</summary>
public sealed record ComparisonPower(string A, string B, int Seeds, double MeanDifference, double SpreadSd, int? FixedSeeds, int? AdaptiveSeeds, int Limit);
