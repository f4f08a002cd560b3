using System.Globalization;
using Cnnexp.Figures.Drawing;
using Cnnexp.Results;
using ScottPlot;
using SkiaSharp;

namespace Cnnexp.Figures.Catalog;

/// <summary>A confusion matrix per model, rows normalised: where each true class ends up.</summary>
public sealed class ConfusionFigure : Figure
{
    const int PanelHeight = 600, PerRow = 2;

    public override string Name => "confusion";

    public override string Caption =>
        "Confusion matrices on the test set, summed over seeds. Row r, column c: the share of test images of " +
        "true class r that the model labels c; each row sums to 100%. The diagonal is what the model gets right; " +
        "bright cells off it are the classes it mixes up.";

    public override string Title(RunData run) => "Confusion matrices (test set)";

    public override string? Subtitle(RunData run) =>
        $"Rows: true class; columns: predicted class; cells: % of the row, summed over {run.Summary.Seeds.Count} seed(s).";

    public override string? Skip(RunData run) => Models(run).Count == 0 ? "summary.json has no confusion matrices" : null;

    protected override int ContentHeight(RunData run) => Rows(run) * PanelHeight;

    protected override void DrawContent(FigureCanvas canvas, RunData run, SKRect area)
    {
        var models = Models(run);
        const float gap = 36;
        int columns = Math.Min(PerRow, models.Count);
        float w = (area.Width - gap * (columns - 1)) / columns;
        for (int i = 0; i < models.Count; i++)
        {
            float x = area.Left + (i % columns) * (w + gap), y = area.Top + (i / columns) * PanelHeight;
            canvas.Plot(Chart(run, models[i]), new SKRect(x, y, x + w, y + PanelHeight));
        }
    }

    static List<ModelSummary> Models(RunData run) =>
        run.Summary.Models.Where(m => m.Seeds.Any(s => s.Confusion.Count > 0)).ToList();

    static int Rows(RunData run) => Math.Max(1, (Models(run).Count + PerRow - 1) / PerRow);

    /// <summary>[true][predicted] counts summed over seeds, then each row as a percentage of its total.</summary>
    public static double[,] RowPercent(ModelSummary model, int classes)
    {
        var sum = new double[classes, classes];
        foreach (var seed in model.Seeds)
            for (int r = 0; r < Math.Min(classes, seed.Confusion.Count); r++)
                for (int c = 0; c < Math.Min(classes, seed.Confusion[r].Count); c++)
                    sum[r, c] += seed.Confusion[r][c];
        for (int r = 0; r < classes; r++)
        {
            double total = Enumerable.Range(0, classes).Sum(c => sum[r, c]);
            for (int c = 0; c < classes; c++) sum[r, c] = total > 0 ? 100 * sum[r, c] / total : double.NaN;
        }
        return sum;
    }

    static Plot Chart(RunData run, ModelSummary model)
    {
        var classes = run.Classes;
        int n = classes.Count;
        var percent = RowPercent(model, n);
        var plot = ChartStyle.NewPlot();
        var heatmap = plot.Add.Heatmap(percent);
        heatmap.Colormap = new ScottPlot.Colormaps.Reversed(new ScottPlot.Colormaps.Blues());   // white 0%, dark 100%
        heatmap.ManualRange = new ScottPlot.Range(0, 100);
        heatmap.CellAlignment = Alignment.MiddleCenter;                                        // cell (r, c) centred on integers
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = "% of true class";
        bar.LabelStyle.FontSize = 14;
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++)
            {
                double v = percent[r, c];
                if (!double.IsFinite(v) || (v < 0.5 && r != c)) continue;
                var text = plot.Add.Text(v.ToString("0", CultureInfo.InvariantCulture), c, n - 1 - r);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = n > 12 ? 10 : 13;
                text.LabelFontColor = v > 55 ? Colors.White : Colors.Black;
            }
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        ChartStyle.CategoryTicksX(plot, classes, 45);
        plot.Axes.Left.SetTicks(Enumerable.Range(0, n).Select(r => (double)(n - 1 - r)).ToArray(), classes.ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.XLabel("Predicted class");
        plot.YLabel("True class");
        plot.Axes.Title.Label.Text = model.Name;
        plot.Axes.Title.Label.ForeColor = run.ColorOf(model.Name);
        plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
        plot.Grid.IsVisible = false;
        return plot;
    }
}
