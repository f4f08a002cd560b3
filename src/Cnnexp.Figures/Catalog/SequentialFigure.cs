using System.Globalization;
using Cnnexp.Figures.Drawing;
using Cnnexp.Results;
using ScottPlot;
using SkiaSharp;

namespace Cnnexp.Figures.Catalog;

/// <summary>An adaptive study seed by seed: each comparison's anytime-valid interval narrowing until it resolves.</summary>
public sealed class SequentialFigure : Figure
{
    const int PanelHeight = 300;

    public override string Name => "sequential";

    public override string Caption =>
        "Each comparison of an adaptive study after every seed: the line is the mean paired difference (accuracy points), " +
        "the band its anytime-valid confidence sequence, which holds however often it is looked at. The study stops for a " +
        "comparison once the band leaves 0 (a real difference) or, with a margin, lies inside the dashed ±margin lines " +
        "(equivalent). Seeds where the band is still unbounded are left out.";

    public override string Title(RunData run) => "Adaptive seeds: each comparison's interval, seed by seed";

    public override string? Subtitle(RunData run) => run.Summary.Adaptive is { } a ? $"seeds: {a.Rule} — {a.Explanation}" : null;

    public override string? Skip(RunData run) =>
        run.Summary.Adaptive is null ? "fixed seeds: the study did not add seeds adaptively"
        : run.Summary.Adaptive.History.All(h => h.Points.Count == 0) ? "no comparison has two seeds yet" : null;

    protected override int ContentHeight(RunData run) => PanelHeight * Math.Max(1, run.Summary.Adaptive?.History.Count ?? 1);

    protected override void DrawContent(FigureCanvas canvas, RunData run, SKRect area)
    {
        var a = run.Summary.Adaptive!;
        for (int i = 0; i < a.History.Count; i++)
        {
            float top = area.Top + i * PanelHeight;
            canvas.Plot(Panel(a, a.History[i], run), new SKRect(area.Left, top, area.Right, top + PanelHeight - 10));
        }
    }

    static Plot Panel(AdaptiveSummary a, ComparisonHistory h, RunData run)
    {
        var plot = ChartStyle.NewPlot();
        var bounded = h.Points.Where(p => p.Low is not null && p.High is not null).ToList();
        double[] seeds = h.Points.Select(p => (double)p.Seeds).ToArray();
        if (bounded.Count > 0)
        {
            var band = plot.Add.FillY(bounded.Select(p => (double)p.Seeds).ToArray(),
                bounded.Select(p => 100 * p.High!.Value).ToArray(), bounded.Select(p => 100 * p.Low!.Value).ToArray());
            band.FillColor = run.ColorOf(h.A).WithAlpha(0.25);
            band.LineWidth = 0;
        }
        var mean = plot.Add.Scatter(seeds, h.Points.Select(p => 100 * p.Mean).ToArray());
        mean.Color = run.ColorOf(h.A);
        mean.LineWidth = 2.5f;
        mean.MarkerSize = 7;
        plot.Add.HorizontalLine(0, 1.5f, Colors.Black);
        if (a.Margin is double m)
            foreach (double y in new[] { -m, m }) plot.Add.HorizontalLine(y, 1.2f, Colors.Gray, LinePattern.Dashed);
        plot.Title($"{h.A} − {h.B}", size: 16);
        plot.XLabel("seeds per model");
        plot.YLabel("difference (points)");
        double spread = bounded.Count == 0 ? 5 : bounded.Max(p => Math.Max(Math.Abs(100 * p.Low!.Value), Math.Abs(100 * p.High!.Value)));
        double limit = Math.Max(spread, a.Margin ?? 0) * 1.1 + 0.5;
        plot.Axes.SetLimits(1.5, Math.Max(a.Seeds, h.Points.Count + 1) + 0.5, -limit, limit);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        return plot;
    }
}
