using System.Security.Cryptography;
using System.Text;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Spec.Planning;

/// <summary>
/// One unit of work: a model trained with one seed. Its id is stable and derived from what it
/// trains (data, the model's resolved layers and training settings, the seed), so it stays the
/// same when other models are added or the description changes, and changes when this unit would.
/// </summary>
public sealed record WorkUnit(string Id, string Model, int Seed)
{
    public static IReadOnlyList<WorkUnit> Of(ExperimentPlan plan) =>
        plan.Models.SelectMany(m => plan.Spec.RunSeeds.Select(s => new WorkUnit(IdOf(plan, m, s), m.Name, s))).ToList();

    static string IdOf(ExperimentPlan plan, ModelPlan model, int seed)
    {
        var alone = plan.Spec with
        {
            Name = "unit", Description = null, Seeds = SeedSchedule.Of([seed]), Compare = null, Repeats = null, Figures = null,
            Models = [model.Spec with { Extends = null }], Train = model.TrainFor(plan.Spec),
        };
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SpecWriter.Write(alone))))[..8];
        return $"{model.Name}-s{seed}-{hash}";
    }
}
