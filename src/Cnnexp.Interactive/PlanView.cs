using System.Globalization;
using System.Text;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Interactive;

/// <summary>
/// A plan as one layer table per model, from <see cref="LayerTable.Rows"/> (the projection `cnnexp inspect`,
/// the shapes figure and the reports use): input transforms, layers (residual bodies nested), shapes per image,
/// parameters and MACs, and the model's totals. Warnings follow, with their carets.
/// </summary>
static class PlanView
{
    static readonly string[] Headers = ["layer", "kind", "settings", "input", "output", "parameters", "MACs"];

    public static string Render(ExperimentPlan plan, string warnings = "")
    {
        var h = new StringBuilder();
        h.Append($"<p><b>{Html.E(plan.Spec.Name)}</b>: {Html.E(plan.Dataset.Name)} {Html.E(LayerTable.Shape(plan.Dataset.ImageShape))}, ")
         .Append($"{plan.Dataset.ClassCount} classes; {plan.Models.Count} model(s); shapes per image (C×H×W), batch left out.</p>\n");
        foreach (var model in plan.Models)
        {
            h.Append($"<h4>{Html.E(model.Name)}</h4>\n");
            var rows = LayerTable.Rows(model, nested: true).Select(Row).ToList();
            rows.Add(["total", "", "", LayerTable.Shape(model.Input), LayerTable.Shape(model.Output), N(model.Parameters), N(model.Macs)]);
            Html.Table(h, "cnnexp-layers", Headers, rows, numericFrom: 5,
                rowClass: r => ReferenceEquals(r, rows[^1]) ? "total" : r[1] == "input transform" ? "transform" : "");
        }
        h.Append(warnings);
        return Html.View("plan", h);
    }

    static string[] Row(LayerRow r) =>
    [
        Indent(r.Depth) + r.Name, r.Kind, r.Settings, LayerTable.Shape(r.Input), LayerTable.Shape(r.Output),
        r.Role == LayerRowRole.Transform ? "–" : N(r.Parameters), r.Role == LayerRowRole.Transform ? "–" : N(r.Macs),
    ];

    /// <summary>Nested rows (a residual's body) start with one arrow per level, as text: HTML collapses spaces.</summary>
    static string Indent(int depth) => string.Concat(Enumerable.Repeat("↳ ", depth));

    static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
