using Cnnexp.Spec.Planning;

namespace Cnnexp.Figures.Report;

/// <summary>How a model differs from the earlier model it is closest to, in resolved YAML.</summary>
public sealed record VariantDiff(string Model, string Base, IReadOnlyList<DiffLine> Lines)
{
    /// <summary>
    /// spec.resolved.yaml records no `extends` (resolution makes every model self-contained), so a
    /// model's base is taken to be the earlier model (in spec order) whose resolved YAML differs from
    /// it in the fewest lines — for a variant written as `extends: X` plus a change, that is X.
    /// </summary>
    public static IReadOnlyList<VariantDiff> All(ExperimentPlan plan)
    {
        var spec = plan.Spec;
        var yaml = spec.Models.ToDictionary(m => m.Name, m => ModelYaml.Lines(spec, m));
        var diffs = new List<VariantDiff>();
        for (int i = 1; i < spec.Models.Count; i++)
        {
            string name = spec.Models[i].Name;
            var closest = spec.Models.Take(i)
                .Select(b => new VariantDiff(name, b.Name, YamlDiff.Lines(yaml[b.Name], yaml[name])))
                .MinBy(d => d.Lines.Count(l => l.Kind != ' '))!;
            diffs.Add(closest);
        }
        return diffs;
    }
}
