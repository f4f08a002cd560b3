using Cnnexp.Engine.Training;
using Cnnexp.Results.Statistics;
using Cnnexp.Spec.Planning;

namespace Cnnexp;

/// <summary>Where an adaptive study stands: the decision's sentence, each comparison in one line, the units it trains next.</summary>
public sealed record StudyStatus
{
    /// <summary>Why it stopped, or what it trains next, in one sentence.</summary>
    public required string Decision { get; init; }
    public required bool Stopped { get; init; }
    /// <summary>"standard − sumfirst: +3.4 points, 95% interval [+0.9, +5.9] after 6 seeds: real", one per comparison.</summary>
    public required IReadOnlyList<string> Comparisons { get; init; }
    /// <summary>The next wave's units as (model, seed); empty once stopped.</summary>
    public required IReadOnlyList<(string Model, int Seed)> Next { get; init; }

    /// <summary>The status of the adaptive study in <paramref name="runDir"/>; null for fixed seeds.</summary>
    public static StudyStatus? Of(ExperimentPlan plan, string runDir)
    {
        if (AdaptiveRun.Policy(plan) is not { } policy) return null;
        var d = AdaptiveRun.Decide(plan, policy, runDir);
        return new StudyStatus
        {
            Decision = AdaptiveVerdicts.Explanation(d, policy, plan.Models.Count), Stopped = d.Stop,
            Comparisons = d.Seeds == 0 ? [] : d.Comparisons.Select(c => AdaptiveRun.Line(c, policy)).ToList(), Next = d.Next,
        };
    }
}
