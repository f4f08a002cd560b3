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
        foreach (var t in model.Transforms) table.Add(t.Spec.Kind, "transform", t.Output.ToString(), "0", "0");
        foreach (var layer in model.Layers) AddLayer(table, layer, 0);
        table.AddEmpty();
        table.Add(TextTable.Emphasis.Bold, "total", "", model.Output.ToString(), N(model.Parameters), N(model.Macs));
        return table;
    }

    /// <summary>Batch norm's running statistics in every layer (a residual's body counted once, through its leaves).</summary>
    public static long Statistics(ModelPlan model) =>
        model.AllLayers.Where(l => l.Body.Count == 0).Sum(l => l.Spec.Statistics(l.Input, l.Output));

    static void AddLayer(TextTable table, PlannedLayer layer, int depth)
    {
        string indent = new(' ', 2 * depth);
        table.Add(layer.Body.Count > 0 ? TextTable.Emphasis.Dim : TextTable.Emphasis.None,
            indent + layer.Name, layer.Spec.Kind, layer.Output.ToString(), N(layer.Parameters), N(layer.Macs));
        if (layer.Children is null) return;
        foreach (var child in layer.Body) AddLayer(table, child, depth + 1);
        if (layer.Shortcut is { } s) table.Add(indent + "  + projection", s.Spec.Kind, s.Output.ToString(), N(s.Parameters), N(s.Macs));
        else table.Add(indent + "  + input", "identity", layer.Output.ToString(), "0", "0");
    }

    public static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
