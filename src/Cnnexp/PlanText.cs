using System.Globalization;
using System.Text;
using Cnnexp.Spec.Planning;

namespace Cnnexp;

/// <summary>A plan as plain text: per model, each transform and layer with its shapes, parameters and MACs.</summary>
static class PlanText
{
    public static string Format(ExperimentPlan plan)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{plan.Spec.Name}: {plan.Dataset.Name} {plan.Dataset.ImageShape}, {plan.Dataset.ClassCount} classes (shapes per image, batch left out)\n");
        foreach (var model in plan.Models)
        {
            var rows = model.Transforms.Select(t => (Name: "(input)", t.Spec.Kind, In: t.Input.ToString(), Out: t.Output.ToString(), P: 0L, M: 0L))
                .Concat(model.Layers.Select(l => (l.Name, l.Spec.Kind, In: l.Input.ToString(), Out: l.Output.ToString(), P: l.Parameters, M: l.Macs)))
                .ToList();
            sb.Append('\n').Append(model.Name).Append('\n');
            sb.Append(Row("layer", "kind", "input", "output", "parameters", "MACs"));
            foreach (var r in rows) sb.Append(Row(r.Name, r.Kind, r.In, r.Out, N(r.P), N(r.M)));
            sb.Append(Row("total", "", model.Input.ToString(), model.Output.ToString(), N(model.Parameters), N(model.Macs)));
        }
        return sb.ToString();
    }

    static string Row(string name, string kind, string input, string output, string parameters, string macs) =>
        $"  {name,-14} {kind,-12} {input,-10} {output,-10} {parameters,12} {macs,14}\n";

    static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
