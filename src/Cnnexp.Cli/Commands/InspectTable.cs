using System.Globalization;
using Cnnexp.Spec.Planning;
using Spectre.Console;

namespace Cnnexp.Cli.Commands;

/// <summary>
/// The notebook's layer-by-layer printout as a table: every input transform and layer with the
/// shape it produces (batch dimension left out), its parameters and its
/// multiply-accumulates per image, then the totals. A residual's body is indented beneath it,
/// followed by its skip path (`+ input`, or `+ projection` when the body changes the shape).
/// </summary>
static class InspectTable
{
    public static Table For(ModelPlan model)
    {
        var table = new Table().Title($"[bold]{Markup.Escape(model.Name)}[/]").Border(TableBorder.Rounded)
            .AddColumn("layer").AddColumn("kind").AddColumn("output")
            .AddColumn(new TableColumn("parameters").RightAligned()).AddColumn(new TableColumn("MACs").RightAligned());
        table.AddRow("input", "", model.Input.ToString(), "", "");
        foreach (var t in model.Transforms)
            table.AddRow(Markup.Escape(t.Spec.Kind), "transform", t.Output.ToString(), "0", "0");
        foreach (var layer in model.Layers) AddLayer(table, layer, 0);
        table.AddEmptyRow();
        table.AddRow("[bold]total[/]", "", model.Output.ToString(), $"[bold]{N(model.Parameters)}[/]", $"[bold]{N(model.Macs)}[/]");
        return table;
    }

    static void AddLayer(Table table, PlannedLayer layer, int depth)
    {
        string indent = new(' ', 2 * depth);
        table.AddRow(Markup.Escape(indent + layer.Name), Markup.Escape(layer.Spec.Kind), layer.Output.ToString(),
            layer.Body.Count > 0 ? $"[dim]{N(layer.Parameters)}[/]" : N(layer.Parameters),
            layer.Body.Count > 0 ? $"[dim]{N(layer.Macs)}[/]" : N(layer.Macs));
        if (layer.Children is null) return;
        foreach (var child in layer.Body) AddLayer(table, child, depth + 1);
        if (layer.Shortcut is { } s)
            table.AddRow(Markup.Escape(indent + "  + projection"), Markup.Escape(s.Spec.Kind), s.Output.ToString(),
                N(s.Parameters), N(s.Macs));
        else
            table.AddRow(Markup.Escape(indent + "  + input"), "identity", layer.Output.ToString(), "0", "0");
    }

    static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
