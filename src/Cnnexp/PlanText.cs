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
            var rows = LayerTable.Rows(model);
            sb.Append('\n').Append(model.Name).Append('\n');
            sb.Append(Row("layer", "kind", "input", "output", "parameters", "MACs"));
            foreach (var r in rows)
                sb.Append(r.Role == LayerRowRole.Transform
                    ? Row("(input)", r.Name, r.Input.ToString(), r.Output.ToString(), N(0), N(0))
                    : Row(r.Name, r.Kind, r.Input.ToString(), r.Output.ToString(), N(r.Parameters), N(r.Macs)));
            sb.Append(Row("total", "", model.Input.ToString(), model.Output.ToString(), N(model.Parameters), N(model.Macs)));
        }
        return sb.ToString();
    }

    static string Row(string name, string kind, string input, string output, string parameters, string macs) =>
        $"  {name,-14} {kind,-12} {input,-10} {output,-10} {parameters,12} {macs,14}\n";

    static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
