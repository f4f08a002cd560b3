using System.Globalization;
using Cnnexp.Figures.Drawing;
using Cnnexp.Results;
using ScottPlot;
using SkiaSharp;

namespace Cnnexp.Figures.Catalog;

/// <summary>Final test accuracy per model: bars, 95% confidence intervals, every seed, and the paired verdicts.</summary>
public sealed class AccuracyFigure : Figure
{
    const int ChartHeight = 470;
    const float VerdictGap = 14;

    public override string Name => "accuracy";

    public override string Caption =>
        "Final test accuracy of each model. Bars are the mean over seeds, whiskers the 95% confidence interval " +
        "(Student's t), dots the individual seeds; the dashed line is chance. The sentences below compare models " +
        "seed by seed (paired): an interval of the difference that excludes 0 is a real difference, not seed noise.";

    public override string Title(RunData run) => "Final test accuracy";

    public override string? Subtitle(RunData run)
    {
        int n = run.Summary.Seeds.Count;
        bool intervals = run.Summary.Models.Any(m => m.TestAccuracy is { } s && double.IsFinite(s.Ci95Low));
        return n <= 1 ? "One seed: no confidence interval can be computed (use 3 or more seeds)."
            : intervals ? $"Bars: mean of {n} seeds; whiskers: 95% confidence interval; dots: one seed each."
            : $"Bars: mean of {n} seeds; dots: one seed each (summary.json holds no confidence intervals).";
    }

    public override string? Skip(RunData run) => run.Summary.Models.Count == 0 ? "summary.json lists no models" : null;

    protected override int ContentHeight(RunData run) => ChartHeight + (int)MathF.Ceiling(VerdictsHeight(run));

    protected override void DrawContent(FigureCanvas canvas, RunData run, SKRect area)
    {
        canvas.Plot(Chart(run), new SKRect(area.Left, area.Top, area.Right, area.Top + ChartHeight));
        float y = area.Top + ChartHeight + VerdictGap;
        foreach (var line in Verdicts(run))
        {
            canvas.Text("■", area.Left, y + TextStyle.Body.Size, TextStyle.Body.WithColor(Ink.Muted));
            y += canvas.Paragraph(line, area.Left + 22, y, area.Width - 22, TextStyle.Body) + 6;
        }
    }

    static Plot Chart(RunData run)
    {
        var plot = ChartStyle.NewPlot();
        var models = run.Summary.Models;
        for (int i = 0; i < models.Count; i++)
        {
            var m = models[i];
            var color = run.ColorOf(m.Name);
            double mean = 100 * (m.TestAccuracy?.Mean ?? m.MeanTestAccuracy);
            double half = m.TestAccuracy is { } s && double.IsFinite(s.Ci95High) ? 100 * (s.Ci95High - s.Mean) : 0;
            plot.Add.Bars(new[] { new Bar { Position = i, Value = mean, Size = 0.6, FillColor = color.WithAlpha(0.85), LineWidth = 0 } });
            if (half > 0)
            {
                var ci = plot.Add.ErrorBar([i], [mean], [half]);
                ci.Color = Colors.Black;
                ci.LineWidth = 2;
                ci.CapSize = 18;
            }
            double[] seeds = m.Seeds.Select(r => 100 * r.FinalTestAccuracy).ToArray();
            double[] xs = seeds.Select((_, k) => i + Jitter(k, seeds.Length)).ToArray();
            var dots = plot.Add.Markers(xs, seeds, MarkerShape.OpenCircle, 9, Colors.Black);
            dots.MarkerLineWidth = 1.5f;
            double top = Math.Max(mean + half, seeds.DefaultIfEmpty(mean).Max());
            var label = plot.Add.Text(mean.ToString("0.0", CultureInfo.InvariantCulture) + "%", i, top);
            label.LabelFontSize = 16;
            label.LabelBold = true;
            label.LabelFontColor = Colors.Black;
            label.LabelAlignment = Alignment.LowerCenter;
            label.OffsetY = -6;
        }
        if (run.Classes.Count > 1)
        {
            double chance = 100.0 / run.Classes.Count;
            plot.Add.HorizontalLine(chance, 1.5f, Colors.Gray, LinePattern.Dashed);
            var label = plot.Add.Text($"chance ({chance.ToString("0.#", CultureInfo.InvariantCulture)}%)", models.Count - 0.45, chance);
            label.LabelFontSize = 13;
            label.LabelFontColor = Colors.DimGray;
            label.LabelAlignment = Alignment.LowerRight;
            label.OffsetY = -3;
        }
        ChartStyle.CategoryTicksX(plot, models.Select(m => m.Name).ToList());
        plot.Axes.Bottom.TickLabelStyle.FontSize = 16;
        plot.YLabel("Test accuracy (%)");
        plot.Axes.SetLimits(-0.6, models.Count - 0.4, 0, 108);
        return plot;
    }

    /// <summary>Seeds spread evenly across the bar, so the dots never hide each other (no randomness: redraws are identical).</summary>
    static double Jitter(int k, int n) => n <= 1 ? 0 : -0.16 + 0.32 * k / (n - 1);

    static IReadOnlyList<string> Verdicts(RunData run)
    {
        if (run.Summary.Comparisons.Count > 0) return run.Summary.Comparisons.Select(c => c.Verdict).ToList();
        return run.Summary.Models.Count > 1 ? ["summary.json holds no paired comparison of these models."] : [];
    }

    static float VerdictsHeight(RunData run)
    {
        float width = DefaultWidth - 2 * Margin - 22;
        var verdicts = Verdicts(run);
        return verdicts.Count == 0 ? 0 : VerdictGap + verdicts.Sum(v => FigureCanvas.ParagraphHeight(v, width, TextStyle.Body) + 6);
    }
}
