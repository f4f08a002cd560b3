using System.Globalization;
using Cnnexp.Figures.Drawing;
using Cnnexp.Spec.Planning;
using SkiaSharp;

namespace Cnnexp.Figures.Catalog;

/// <summary>Each model's layers with their output shapes, parameters and multiply-accumulates: the notebook's shape printout, as a table.</summary>
public sealed class ShapesFigure : Figure
{
    const int RowHeight = 26, HeadingHeight = 40, GapAfter = 22;
    /// <summary>Left edge (right edge for numbers) and width of each column, in pixels from the table's left.</summary>
    static readonly (string Header, float X, float Width, bool Right)[] Columns =
    [
        ("layer", 0, 160, false), ("kind", 160, 170, false), ("settings", 330, 300, false), ("input", 630, 120, false),
        ("output", 750, 120, false), ("parameters", 980, 110, true), ("MACs", 1130, 140, true),
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
        for (int i = 0; i < Columns.Length; i++) Cell(canvas, Columns[i].Header, x, i, y, TextStyle.Cell.AsBold());
        y += RowHeight;
        foreach (var row in LayerTable.Rows(model))
        {
            string[] cells = [row.Name, row.Kind, row.Settings, LayerTable.Shape(row.Input), LayerTable.Shape(row.Output), N(row.Parameters), N(row.Macs)];
            for (int i = 0; i < cells.Length; i++) Cell(canvas, cells[i], x, i, y, TextStyle.Cell);
            canvas.Line(x, y + RowHeight, x + 1152, y + RowHeight, Ink.Rule);
            y += RowHeight;
        }
        Cell(canvas, "total", x, 0, y, TextStyle.Cell.AsBold());
        Cell(canvas, N(model.Parameters), x, 5, y, TextStyle.Cell.AsBold());
        Cell(canvas, N(model.Macs), x, 6, y, TextStyle.Cell.AsBold());
        canvas.Line(x, y, x + 1152, y, color, 2);
        return y + RowHeight;
    }

    /// <summary>One cell, shortened with an ellipsis to its column (full text: the report's tables).</summary>
    static void Cell(FigureCanvas canvas, string text, float left, int column, float top, TextStyle style)
    {
        var (_, cx, width, right) = Columns[column];
        string fitted = FigureCanvas.Fit(text, width - 16, style);
        canvas.Text(fitted, left + cx + (right ? 20 : 8), top + 18, style, right ? SKTextAlign.Right : SKTextAlign.Left);
    }

    /// <summary>Thousands separated; a dash for zero, so the layers that hold parameters stand out.</summary>
    static string N(long v) => v == 0 ? "–" : v.ToString("N0", CultureInfo.InvariantCulture);
}
