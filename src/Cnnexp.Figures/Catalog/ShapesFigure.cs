using System.Globalization;
using Cnnexp.Figures.Drawing;
using Cnnexp.Figures.Tables;
using Cnnexp.Spec.Planning;
using SkiaSharp;

namespace Cnnexp.Figures.Catalog;

/// <summary>Each model's layers with their output shapes, parameters and multiply-accumulates: the notebook's shape printout, as a table.</summary>
public sealed class ShapesFigure : Figure
{
    const int RowHeight = 26, HeadingHeight = 40, GapAfter = 22;
    static readonly (string Header, float X, bool Right)[] Columns =
    [
        ("layer", 0, false), ("kind", 120, false), ("settings", 290, false), ("input", 570, false),
        ("output", 700, false), ("parameters", 930, true), ("MACs", 1130, true),
    ];

    public override string Name => "shapes";

    public override string Caption =>
        "The layers of each model with the shape of one example after each (channels×height×width, batch left out), " +
        "the trainable parameters and multiply-accumulates per image. Computed from the resolved spec by arithmetic, " +
        "the same numbers the engine checks against the real modules.";

    public override string Title(RunData run) => "Layers and shapes";
    public override string? Subtitle(RunData run) => run.Plan is null ? null : $"Input: {LayerTable.Shape(run.Plan.Dataset.ImageShape)} images from {run.Plan.Dataset.Name}; shapes leave out the batch dimension.";

    public override string? Skip(RunData run) => run.Plan is null ? "spec.resolved.yaml is missing or does not plan" : null;

    protected override int ContentHeight(RunData run) =>
        run.Plan!.Models.Sum(m => HeadingHeight + RowHeight * (LayerTable.Rows(m).Count + 2) + GapAfter) - GapAfter;

    protected override void DrawContent(FigureCanvas canvas, RunData run, SKRect area)
    {
        float y = area.Top;
        foreach (var model in run.Plan!.Models)
            y = DrawModel(canvas, run, model, area.Left, y) + GapAfter;
    }

    static float DrawModel(FigureCanvas canvas, RunData run, ModelPlan model, float x, float y)
    {
        var color = run.ColorOf(model.Name).ToSkia();
        canvas.Text(model.Name, x, y + 26, TextStyle.Heading.WithColor(color) with { Size = 19 });
        y += HeadingHeight;
        canvas.Fill(new SKRect(x, y, x + 1152, y + RowHeight), Ink.Panel);
        foreach (var (header, cx, right) in Columns)
            Cell(canvas, header, x, cx, y, right, TextStyle.Cell.AsBold());
        y += RowHeight;
        foreach (var row in LayerTable.Rows(model))
        {
            string[] cells = [row.Name, row.Kind, row.Settings, row.Input, row.Output, N(row.Parameters), N(row.Macs)];
            for (int i = 0; i < cells.Length; i++) Cell(canvas, cells[i], x, Columns[i].X, y, Columns[i].Right, TextStyle.Cell);
            canvas.Line(x, y + RowHeight, x + 1152, y + RowHeight, Ink.Rule);
            y += RowHeight;
        }
        Cell(canvas, "total", x, Columns[0].X, y, false, TextStyle.Cell.AsBold());
        Cell(canvas, N(model.Parameters), x, Columns[5].X, y, true, TextStyle.Cell.AsBold());
        Cell(canvas, N(model.Macs), x, Columns[6].X, y, true, TextStyle.Cell.AsBold());
        canvas.Line(x, y, x + 1152, y, color, 2);
        return y + RowHeight;
    }

    static void Cell(FigureCanvas canvas, string text, float left, float column, float top, bool right, TextStyle style) =>
        canvas.Text(text, left + column + (right ? 20 : 8), top + 18, style, right ? SKTextAlign.Right : SKTextAlign.Left);

    /// <summary>Thousands separated; a dash for zero, so the layers that hold parameters stand out.</summary>
    static string N(long v) => v == 0 ? "–" : v.ToString("N0", CultureInfo.InvariantCulture);
}
