// Per-layer gradient norms: after every training step, the L2 norm of each layer's gradient is
// recorded; metrics.csv gets one column per layer (`gradnorm.conv1`, ...), the mean over the
// epoch's batches. A custom figure plots them from the finished run: figures/gradnorm.png.

OnRunStart(run => run.Log($"recording per-layer gradient norms for {string.Join(", ", run.Models)}"));

OnBatchEnd(batch =>
{
    // Parameters are named LAYER.weight, LAYER.bias: sum the squared gradient norms per layer.
    var squares = new Dictionary<string, double>();
    foreach (var (name, parameter) in batch.Network.named_parameters())
    {
        if (parameter.grad is not { } grad) continue;
        string layer = name[..name.LastIndexOf('.')];
        squares[layer] = squares.GetValueOrDefault(layer) + grad.pow(2).sum().item<float>();
    }
    foreach (var (layer, square) in squares) batch.Record($"gradnorm.{layer}", Math.Sqrt(square));
});

Figure("gradnorm", figure =>
{
    var models = figure.Run.Summary.Models.Select(m => m.Name).ToList();
    using var title = figure.Font(22, bold: true);
    using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
    figure.Canvas.DrawText("Gradient L2 norm per layer (mean over each epoch's batches)", 20, 36, title, ink);
    float width = (figure.Width - 20f) / models.Count;
    for (int i = 0; i < models.Count; i++)
    {
        var panel = new SKRect(10 + i * width, 50, 10 + (i + 1) * width, figure.Height - 10);
        var plot = Chart(models[i], figure.Run.MetricsOf(models[i]));
        figure.Canvas.Save();
        figure.Canvas.ClipRect(panel);                        // ScottPlot paints its whole canvas otherwise
        plot.Render(figure.Canvas, new ScottPlot.PixelRect(panel.Left, panel.Right, panel.Bottom, panel.Top));
        figure.Canvas.Restore();
    }
});

// One model's chart: a line per layer, log10 of the epoch-mean gradient norm against the epoch.
static ScottPlot.Plot Chart(string model, IReadOnlyList<EpochMetrics> rows)
{
    var plot = new ScottPlot.Plot();
    var columns = rows.SelectMany(r => r.Extra.Keys).Where(k => k.StartsWith("gradnorm.")).Distinct().ToList();
    for (int k = 0; k < columns.Count; k++)
    {
        var epochs = rows.Where(r => r.Extra.ContainsKey(columns[k])).GroupBy(r => r.Epoch).OrderBy(g => g.Key).ToList();
        var line = plot.Add.Scatter(epochs.Select(g => (double)g.Key).ToArray(),
            epochs.Select(g => Math.Log10(g.Average(r => r.Extra[columns[k]]))).ToArray());
        line.LegendText = columns[k]["gradnorm.".Length..];
        line.LineWidth = 2;
        line.Color = ScottPlot.Palette.Default.GetColor(k);
    }
    plot.Title(model);
    plot.XLabel("Epoch");
    plot.YLabel("log10 of the gradient norm");
    plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
    plot.ShowLegend(ScottPlot.Alignment.UpperRight);
    return plot;
}
