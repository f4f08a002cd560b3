using Cnnexp.Figures.Drawing;
using ScottPlot;
using SkiaSharp;

namespace Cnnexp.Figures.Catalog;

/// <summary>Test accuracy per class, every model side by side: which classes a change costs or buys.</summary>
public sealed class PerClassFigure : Figure
{
    public override string Name => "per_class";

    public override string Caption =>
        "Test accuracy for each class, one bar per model (mean over seeds; whiskers: min to max over seeds). " +
        "Classes where the bars of two models part are where their difference comes from.";

    public override string Title(RunData run) => "Test accuracy per class";

    public override string? Subtitle(RunData run) => run.Summary.Seeds.Count > 1
        ? $"Bars: mean of {run.Summary.Seeds.Count} seeds; whiskers: min to max over seeds."
        : "One seed: bars are that seed's accuracy.";

    public override string? Skip(RunData run) =>
        run.Summary.Models.Any(m => m.Seeds.Any(s => s.PerClassAccuracy.Count > 0)) ? null : "summary.json has no per-class accuracy";

    protected override int ContentHeight(RunData run) => 520;

    protected override void DrawContent(FigureCanvas canvas, RunData run, SKRect area) => canvas.Plot(Chart(run, area.Width), area);

    static float Width(string label) => FigureCanvas.Measure(label, new TextStyle(ChartStyle.TickSize, false, Ink.Text));

    /// <summary>Class names too wide for their group break at their last hyphen or space onto two lines.</summary>
    static IReadOnlyList<string> Fit(IReadOnlyList<string> names, float width) => names.Select(n =>
    {
        int cut = n.LastIndexOfAny(['-', ' ']);
        return Width(n) <= width || cut <= 0 ? n : n[..(cut + 1)].TrimEnd() + "\n" + n[(cut + 1)..];
    }).ToList();

    static Plot Chart(RunData run, float width)
    {
        var plot = ChartStyle.NewPlot();
        var classes = run.Classes;
        var models = run.Summary.Models.Where(m => m.Seeds.Any(s => s.PerClassAccuracy.Count > 0)).ToList();
        double group = 0.8, bar = group / models.Count;
        for (int i = 0; i < models.Count; i++)
        {
            var seeds = models[i].Seeds.Where(s => s.PerClassAccuracy.Count > 0).ToList();
            var color = run.ColorOf(models[i].Name);
            var xs = new List<double>(); var mean = new List<double>(); var up = new List<double>(); var down = new List<double>();
            for (int c = 0; c < classes.Count; c++)
            {
                var values = seeds.Where(s => c < s.PerClassAccuracy.Count).Select(s => 100 * s.PerClassAccuracy[c]).ToList();
                if (values.Count == 0) continue;
                double x = c - group / 2 + bar * (i + 0.5);
                xs.Add(x); mean.Add(values.Average());
                up.Add(values.Max() - values.Average()); down.Add(values.Average() - values.Min());
            }
            var bars = plot.Add.Bars(xs.Select((x, k) => new Bar
            {
                Position = x, Value = mean[k], Size = bar * 0.92, FillColor = color.WithAlpha(0.85), LineWidth = 0,
            }).ToArray());
            bars.LegendText = models[i].Name;
            if (seeds.Count > 1)
            {
                var whiskers = plot.Add.ErrorBar(xs, mean, up);
                whiskers.YErrorPositive = up;
                whiskers.YErrorNegative = down;
                whiskers.Color = Colors.Black;
                whiskers.LineWidth = 1.2f;
                whiskers.CapSize = 4;
            }
        }
        float groupPixels = (width - 120) / Math.Max(1, classes.Count);
        var labels = Fit(classes, groupPixels * 0.95f);
        ChartStyle.CategoryTicksX(plot, labels, labels.Any(l => l.Split('\n').Any(part => Width(part) > groupPixels * 0.95f)) ? 30 : 0);
        plot.Axes.Left.SetTicks(Enumerable.Range(0, 11).Select(i => 10.0 * i).ToArray(), Enumerable.Range(0, 11).Select(i => (10 * i).ToString()).ToArray());
        plot.YLabel("Test accuracy (%)");
        plot.XLabel("Class");
        plot.Axes.SetLimits(-0.6, classes.Count - 0.4, 0, 118);         // headroom above 100% for the legend
        plot.ShowLegend(Alignment.UpperRight, Orientation.Horizontal);
        return plot;
    }
}
