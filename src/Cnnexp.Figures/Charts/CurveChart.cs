using Cnnexp.Figures.Drawing;
using Cnnexp.Results;
using ScottPlot;

namespace Cnnexp.Figures.Charts;

/// <summary>A metric per epoch for every model: train solid, validation dotted, test dashed; a band over seeds.</summary>
public static class CurveChart
{
    public enum Metric { Loss, Accuracy }

    public static Plot Build(RunData run, Metric metric, bool legend)
    {
        var plot = ChartStyle.NewPlot();
        bool loss = metric == Metric.Loss;
        var splits = new (string Name, Func<EpochMetrics, double> Value, LinePattern Pattern)[]
        {
            ("train", m => loss ? m.TrainLoss : m.TrainAccuracy, LinePattern.Solid),
            ("validation", m => loss ? m.ValLoss : m.ValAccuracy, LinePattern.Dotted),
            ("test", m => loss ? m.TestLoss : m.TestAccuracy, LinePattern.Dashed),
        };
        var used = new List<(string, LinePattern)>();
        foreach (var model in run.Models)
            foreach (var (name, value, pattern) in splits)
            {
                var s = SeedSeries.Of(run.Metrics, model, value, loss ? 1 : 100);
                if (s.IsEmpty) continue;
                if (!used.Contains((name, pattern))) used.Add((name, pattern));
                var color = run.ColorOf(model);
                if (s.Seeds > 1)
                {
                    var band = plot.Add.FillY(s.Epochs, s.Min, s.Max);
                    band.FillColor = color.WithAlpha(0.16);
                    band.LineWidth = 0;
                }
                var line = plot.Add.ScatterLine(s.Epochs, s.Mean, color);
                line.LineWidth = 2.5f;
                line.LinePattern = pattern;
                line.MarkerSize = s.Epochs.Length <= 30 ? 6 : 0;
                line.MarkerShape = MarkerShape.FilledCircle;
            }
        plot.Axes.Title.Label.Text = loss ? "Cross-entropy loss" : "Accuracy";
        plot.XLabel("Epoch");
        plot.YLabel(loss ? "Loss (mean over seeds)" : "Accuracy (%)");
        ChartStyle.IntegerTicksX(plot);
        if (!loss) plot.Axes.SetLimitsY(0, 100);
        if (legend) AddLegend(plot, run, used);
        else plot.Legend.IsVisible = false;
        return plot;
    }

    /// <summary>Colour says the model, line style says the split: one entry each, not one per line.</summary>
    static void AddLegend(Plot plot, RunData run, List<(string Name, LinePattern Pattern)> splits)
    {
        foreach (var model in run.Models)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = model, LineColor = run.ColorOf(model), LineWidth = 4 });
        foreach (var (name, pattern) in splits)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = name, LineColor = Colors.Gray, LineWidth = 2.5f, LinePattern = pattern });
        plot.ShowLegend(Alignment.UpperRight);
    }

    public static string Spread(RunData run)
    {
        int seeds = run.Summary.Seeds.Count;
        return seeds > 1
            ? $"Lines: mean over {seeds} seeds; shaded bands: min to max over seeds. Solid: train, dashed: test."
            : "One seed, so no band: add seeds to see the spread. Solid: train, dashed: test.";
    }
}
