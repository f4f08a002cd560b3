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
        return new RunSummary
        {
            Name = plan.Spec.Name, Description = plan.Spec.Description, Dataset = plan.Dataset.Name,
            Classes = plan.Dataset.Classes, Seeds = plan.Spec.RunSeeds, Models = models,
            Comparisons = Compare(models), Seconds = seconds,
        };
    }

    /// <summary>Every pair (in spec order), on the seeds both models finished.</summary>
    static IReadOnlyList<PairedComparison> Compare(IReadOnlyList<ModelSummary> models)
    {
        var list = new List<PairedComparison>();
        for (int i = 0; i < models.Count; i++)
            for (int j = i + 1; j < models.Count; j++)
            {
                var a = models[i].Seeds.ToDictionary(s => s.Seed);
                var b = models[j].Seeds.ToDictionary(s => s.Seed);
                var shared = a.Keys.Intersect(b.Keys).Order().ToList();
                if (shared.Count == 0) continue;
                list.Add(Stats.Paired(models[i].Name, models[j].Name,
                    shared.Select(s => a[s].FinalTestAccuracy).ToList(), shared.Select(s => b[s].FinalTestAccuracy).ToList()));
            }
        return list;
    }
}
