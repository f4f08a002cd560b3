using Cnnexp.Results;
using Cnnexp.Results.Statistics;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Engine.Training;

/// <summary>summary.json from the units' states: per-model statistics and paired comparisons.</summary>
public static class SummaryBuilder
{
    public static RunSummary Build(ExperimentPlan plan, Func<string, int, UnitState?> state, double seconds)
    {
        var models = plan.Models.Select(m =>
        {
            var results = plan.Spec.RunSeeds.Select(s => state(m.Name, s)?.Result).OfType<SeedResult>().ToList();
            return new ModelSummary
            {
                Name = m.Name, Parameters = m.Parameters, Macs = m.Macs, Seeds = results,
                TestAccuracy = Stats.Describe(results.Select(r => r.FinalTestAccuracy).ToList()),
            };
        }).ToList();
        var summary = new RunSummary
        {
            Name = plan.Spec.Name, Description = plan.Spec.Description, Dataset = plan.Dataset.Name, Classes = plan.Dataset.Classes,
            Seeds = plan.Spec.Adaptive is null ? plan.Spec.RunSeeds : models.SelectMany(m => m.Seeds.Select(r => r.Seed)).Distinct().Order().ToList(),
            Models = models, Comparisons = Compare(models, plan.Spec.ComparedPairs(plan.Models.Select(m => m.Name).ToList())), Seconds = seconds,
        };
        if (AdaptiveRun.Policy(plan) is not { } policy) return summary;
        var decision = AdaptiveRun.Decide(plan, policy, state);
        var (adaptive, comparisons) = AdaptiveRun.Summarise(plan, policy, decision, (m, s) => AdaptiveRun.Accuracy(state(m, s)));
        return summary with { Adaptive = adaptive, Comparisons = comparisons };
    }

    /// <summary>The pairs `compare:` names (every pair in spec order without it), on the seeds both models finished.</summary>
    static IReadOnlyList<PairedComparison> Compare(IReadOnlyList<ModelSummary> models, IReadOnlyList<(string A, string B)> pairs)
    {
        var list = new List<PairedComparison>();
        foreach (var (nameA, nameB) in pairs)
        {
            var a = models.First(m => m.Name == nameA).Seeds.ToDictionary(s => s.Seed);
            var b = models.First(m => m.Name == nameB).Seeds.ToDictionary(s => s.Seed);
            var shared = a.Keys.Intersect(b.Keys).Order().ToList();
            if (shared.Count == 0) continue;
            list.Add(Stats.Paired(nameA, nameB, shared.Select(s => a[s].FinalTestAccuracy).ToList(), shared.Select(s => b[s].FinalTestAccuracy).ToList()));
        }
        return list;
    }
}
