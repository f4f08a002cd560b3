using System.Globalization;
using Cnnexp.Cli.Output;
using Cnnexp.Spec.Planning;
using Spectre.Console;

namespace Cnnexp.Cli.Commands;

/// <summary>
/// One model as a table: input, transforms, then each layer's output shape, trainable parameters
/// and MACs, then the totals. A residual's body is indented beneath it, followed by its skip path
/// (`+ input`, or `+ projection` when the body changes the shape).
/// </summary>
static class InspectTable
{
    public static TextTable For(ModelPlan model)
    {
        var table = new TextTable("layer", "kind", "output", "parameters", "MACs") { Title = model.Name, Border = TableBorder.Rounded }
            .RightAlign(3, 4);
        table.Add("input", "", model.Input.ToString(), "", "");
        foreach (var row in LayerTable.Rows(model, nested: true))      // the one projection (Cnnexp.Spec.Planning)
        {
            string name = new string(' ', 2 * row.Depth) + row.Name;
            if (row.Role == LayerRowRole.Transform) table.Add(row.Name, "transform", row.Output.ToString(), "0", "0");
            else table.Add(row.IsGroup ? TextTable.Emphasis.Dim : TextTable.Emphasis.None,
                name, row.Kind, row.Output.ToString(), N(row.Parameters), N(row.Macs));
        }
        table.AddEmpty();
        table.Add(TextTable.Emphasis.Bold, "total", "", model.Output.ToString(), N(model.Parameters), N(model.Macs));
        return table;
    }

    /// <summary>Batch norm's running statistics in every layer (a residual's body counted once, through its leaves).</summary>
    public static long Statistics(ModelPlan model) =>
        model.AllLayers.Where(l => l.Body.Count == 0).Sum(l => l.Spec.Statistics(l.Input, l.Output));

    public static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
