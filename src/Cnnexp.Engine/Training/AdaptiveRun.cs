using Cnnexp.Results;
using Cnnexp.Results.Statistics;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Engine.Training;

/// <summary>
/// A plan with `seeds: { min, max, until: resolved }` as the statistics see it: the policy, and the
/// decision from the units' state files alone (so every process, and every resume, decides alike).
/// </summary>
public static class AdaptiveRun
{
    /// <summary>The policy of an adaptive plan; null for fixed seeds.</summary>
    public static AdaptivePolicy? Policy(ExperimentPlan plan)
    {
        if (plan.Spec.Adaptive is not { } a) return null;
        var models = plan.Models.Select(m => m.Name).ToList();
        return new AdaptivePolicy
        {
            Min = a.Min, Max = a.Max, Alpha = a.Alpha, Margin = a.Margin / 100, Race = a.RacesWith(models.Count),
            Compare = plan.Spec.Compare is { Count: > 0 } ? plan.Spec.ComparedPairs(models) : [],
        };
    }

    /// <summary>Where the study in <paramref name="dir"/> stands.</summary>
    public static AdaptiveDecision Decide(ExperimentPlan plan, AdaptivePolicy policy, string dir)
    {
        var states = new Dictionary<(string, int), UnitState?>();
        return Decide(plan, policy, (m, s) => states.TryGetValue((m, s), out var known) ? known : states[(m, s)] = UnitPaths.For(dir, m, s).ReadState());
    }

    /// <summary>Where the study stands, given each unit's state (null: never started).</summary>
    public static AdaptiveDecision Decide(ExperimentPlan plan, AdaptivePolicy policy, Func<string, int, UnitState?> state) =>
        AdaptiveStudy.Decide(policy, plan.Models.Select(m => m.Name).ToList(), (m, s) => Accuracy(state(m, s)), (m, s) => Failed(state(m, s)));

    /// <summary>A finished unit's final test accuracy, the number adaptive decisions compare.</summary>
    public static double? Accuracy(UnitState? state) => state is { Finished: true, Result: { } r } && double.IsFinite(r.FinalTestAccuracy) ? r.FinalTestAccuracy : null;

    /// <summary>A unit that will never give a number to compare: it failed, or stopped without a finite accuracy.</summary>
    public static bool Failed(UnitState? state) => state?.Status == UnitStatus.Failed || state is { Finished: true } && Accuracy(state) is null;

    /// <summary>"standard − sumfirst: +3.4 points, 95% interval [+0.9, +5.9] after 6 seeds: real".</summary>
    public static string Line(SequentialComparison c, AdaptivePolicy policy)
    {
        static string P(double v) => double.IsInfinity(v) ? (v > 0 ? "+inf" : "-inf") : (100 * v).ToString("+0.0;-0.0", System.Globalization.CultureInfo.InvariantCulture);
        return $"{c.A} − {c.B}: {P(c.MeanDifference)} points, {100 * (1 - policy.Alpha):0.#}% interval [{P(c.Low)}, {P(c.High)}] after {c.N} seeds: " +
               c.Outcome.ToString().ToLowerInvariant();
    }

    /// <summary>summary.json's record of the study, and its comparisons with their verdicts.</summary>
    public static (AdaptiveSummary Summary, IReadOnlyList<PairedComparison> Comparisons) Summarise(
        ExperimentPlan plan, AdaptivePolicy policy, AdaptiveDecision d, Func<string, int, double?> accuracy)
    {
        var comparisons = d.Comparisons.Select(c => AdaptiveVerdicts.Comparison(c, d, policy,
            Enumerable.Range(0, c.N).Select(s => accuracy(c.A, s)!.Value - accuracy(c.B, s)!.Value).ToList())).ToList();
        var summary = new AdaptiveSummary
        {
            Rule = SpecWriter.Flow(plan.Spec.Adaptive!), Min = policy.Min, Max = policy.Max, Alpha = policy.Alpha,
            Margin = plan.Spec.Adaptive!.Margin, Race = policy.Race, Seeds = d.Seeds, Reason = d.Reason,
            Explanation = AdaptiveVerdicts.Explanation(d, policy, plan.Models.Count), UnitsSaved = d.UnitsSaved, Dropped = d.Dropped,
            History = d.History.Select(h => new ComparisonHistory(h.Value.FirstOrDefault()?.A ?? h.Key.Split('|')[0], h.Value.FirstOrDefault()?.B ?? h.Key.Split('|')[1],
                h.Value.Where(p => p.N >= 2).Select(p => new HistoryPoint(p.N, p.MeanDifference, Finite(p.Low), Finite(p.High))).ToList())).ToList(),
        };
        return (summary, comparisons);
    }

    static double? Finite(double v) => double.IsFinite(v) ? v : null;
}
