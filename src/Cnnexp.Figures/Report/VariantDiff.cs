using Cnnexp.Spec.Planning;

namespace Cnnexp.Figures.Report;

/// <summary>How a model that `extends` another differs from it, in resolved YAML.</summary>
public sealed record VariantDiff(string Model, string Base, IReadOnlyList<DiffLine> Lines)
{
    public static IReadOnlyList<VariantDiff> All(ExperimentPlan plan)
    {
        var spec = plan.Spec;
        var byName = spec.Models.ToDictionary(m => m.Name);
        return spec.Models
            .Where(m => m.Extends is not null && byName.ContainsKey(m.Extends))
            .Select(m => new VariantDiff(m.Name, m.Extends!, YamlDiff.Lines(ModelYaml.Lines(spec, byName[m.Extends!]), ModelYaml.Lines(spec, m))))
            .ToList();
    }
}
