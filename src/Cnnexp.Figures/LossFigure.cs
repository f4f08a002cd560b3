using Cnnexp.Results;
using ScottPlot;

namespace Cnnexp.Figures;

/// <summary>Training and test loss per epoch for every model (mean over seeds).</summary>
public static class LossFigure
{
    public const string FileName = "loss.png";

    public static void Draw(IReadOnlyList<EpochMetrics> metrics, IReadOnlyList<string> models, string path, int width = 900, int height = 520)
    {
        EmbeddedFonts.InstallForScottPlot();
        var plot = new Plot();
        for (int i = 0; i < models.Count; i++)
        {
            var rows = metrics.Where(m => m.Model == models[i]).GroupBy(m => m.Epoch).OrderBy(g => g.Key).ToList();
            if (rows.Count == 0) continue;
            double[] epochs = rows.Select(g => (double)g.Key).ToArray();
            var train = plot.Add.Scatter(epochs, rows.Select(g => g.Average(m => m.TrainLoss)).ToArray());
            train.Color = Palette.ForModel(i);
            train.LineWidth = 2;
            train.LegendText = $"{models[i]} (train)";
            var test = plot.Add.Scatter(epochs, rows.Select(g => g.Average(m => m.TestLoss)).ToArray());
            test.Color = Palette.ForModel(i);
            test.LineWidth = 2;
            test.LinePattern = LinePattern.Dashed;
            test.LegendText = $"{models[i]} (test)";
        }
        plot.Title("Loss per epoch");
        plot.XLabel("Epoch");
        plot.YLabel("Cross-entropy loss");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, width, height);
    }
}
