using System.Globalization;

namespace Cnnexp.Results.Statistics;

/// <summary>The sentences an adaptive study says about its comparisons and its stop.</summary>
public static class AdaptiveVerdicts
{
    /// <summary>A comparison as summary.json and the reports give it, with its verdict sentence.</summary>
    public static PairedComparison Comparison(SequentialComparison c, AdaptiveDecision d, AdaptivePolicy policy, IReadOnlyList<double> differences)
    {
        string level = Pct(1 - policy.Alpha);
        string ci = $"{level} anytime-valid CI [{Pts(c.Low)}, {Pts(c.High)}] points, {c.N} seeds";
        var drop = d.Dropped.FirstOrDefault(x => x.Model == c.A || x.Model == c.B);
        string verdict = c.Outcome switch
        {
            Outcome.Real => $"{Better(c)} beats {Worse(c)} by {Pts(Math.Abs(c.MeanDifference))} points ({ci}): a real difference, not seed noise.",
            Outcome.Equivalent => $"{c.A} and {c.B} are equivalent within ±{Pts(policy.Margin!.Value)} points ({c.A} − {c.B} = {Pts(c.MeanDifference)}, {ci}).",
            _ when drop is not null => $"{c.A} − {c.B} = {Pts(c.MeanDifference)} points ({ci}): not resolved; {drop.Model} stopped training after {drop.Seeds} seeds, " +
                                       $"significantly worse than {drop.By}.",
            _ => $"{c.A} − {c.B} = {Pts(c.MeanDifference)} points ({ci}): unresolved after {c.N} seeds; {PowerClause(differences, policy)}.",
        };
        return new PairedComparison
        {
            A = c.A, B = c.B, N = c.N, MeanDifference = c.MeanDifference, Ci95Low = c.Low, Ci95High = c.High, PValue = c.PValue,
            Verdict = verdict, Method = "anytime", Outcome = c.Outcome,
        };
    }

    /// <summary>Why the study stopped (or that it goes on), in one sentence.</summary>
    public static string Explanation(AdaptiveDecision d, AdaptivePolicy policy, int models) => d.Reason switch
    {
        StopReason.Resolved => $"stopped after {d.Seeds} seeds: every comparison is resolved ({d.UnitsSaved} of {models * policy.Max} units saved against max: {policy.Max})",
        StopReason.MaxSeeds => $"stopped at max: {policy.Max} seeds with comparisons unresolved",
        StopReason.OneModelLeft => $"stopped after {d.Seeds} seeds: racing left one model ({d.UnitsSaved} of {models * policy.Max} units saved)",
        StopReason.UnitFailed => $"stopped after {d.Seeds} seeds: {d.Failure} failed, so its model cannot be compared further",
        _ => d.Seeds == 0 ? $"training the first {policy.Min} seeds" : $"after {d.Seeds} seeds some comparisons are open: training seed {d.Seeds}",
    };

    /// <summary>"to detect 1 point with 80% power: about 14 seeds in a fixed-size study, about 17 with adaptive seeds", from the observed spread.</summary>
    public static string PowerClause(IReadOnlyList<double> differences, AdaptivePolicy policy)
    {
        if (differences.Count < 2) return "too few seeds to estimate the seed-to-seed spread";
        double mean = differences.Average();
        double sd = Math.Sqrt(differences.Sum(x => (x - mean) * (x - mean)) / (differences.Count - 1));
        double effect = policy.Margin ?? 0.01;                                        // 1 point unless a margin says what matters
        return Power.Sentence(100 * effect, 100 * sd, alpha: policy.Alpha);
    }

    static string Better(SequentialComparison c) => c.MeanDifference > 0 ? c.A : c.B;
    static string Worse(SequentialComparison c) => c.MeanDifference > 0 ? c.B : c.A;
    static string Pts(double v) => double.IsInfinity(v) ? (v > 0 ? "+∞" : "−∞") : (100 * v).ToString("0.0", CultureInfo.InvariantCulture);
    static string Pct(double v) => (100 * v).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
