using Cnnexp.Figures;
using Cnnexp.Results;
using ScottPlot;

namespace Cnnexp.Scripting.Figures;

/// <summary>A custom metric per epoch for every model (mean over seeds), drawn like the built-in loss figure.</summary>
static class MetricFigure
{
    public static string FileName(string metric) => $"metric_{metric}.png";

    public static void Draw(FinishedRun run, string metric, string path, int width = 900, int height = 520)
    {
        EmbeddedFonts.InstallForScottPlot();
        var plot = new Plot();
        string column = $"test_{metric}";
        var models = run.Summary.Models.Select(m => m.Name).ToList();
        for (int i = 0; i < models.Count; i++)
        {
            var epochs = run.Metrics.Where(m => m.Model == models[i] && m.Extra.ContainsKey(column))
                .GroupBy(m => m.Epoch).OrderBy(g => g.Key).ToList();
            if (epochs.Count == 0) continue;
            var line = plot.Add.Scatter(epochs.Select(g => (double)g.Key).ToArray(), epochs.Select(g => g.Average(m => m.Extra[column])).ToArray());
            line.Color = Cnnexp.Figures.Palette.ForModel(i);
            line.LineWidth = 2;
            line.LinePattern = LinePattern.Dashed;                 // dashed: the test set, as in the loss figure
            line.LegendText = $"{models[i]} (test)";
        }
        int seeds = run.Summary.Seeds.Count;
        plot.Title($"{metric} per epoch (custom metric{(seeds > 1 ? $", mean over {seeds} seeds" : "")})");
        plot.XLabel("Epoch");
        plot.YLabel(metric);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);   // epochs are whole
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, width, height);
    }
}
