using Cnnexp.Figures.Charts;
using Cnnexp.Figures.Drawing;
using SkiaSharp;

namespace Cnnexp.Figures.Catalog;

/// <summary>The notebook's first chart, larger: training and test loss per epoch for every model.</summary>
public sealed class LossFigure : Figure
{
    public override string Name => "loss";

    public override string Caption =>
        "Training (solid) and test (dashed) cross-entropy loss per epoch, one colour per model: the notebook's " +
        "loss chart, with the test set added and the spread over seeds shaded.";

    public override string Title(RunData run) => "Loss per epoch";
    public override string? Subtitle(RunData run) => CurveChart.Spread(run);
    public override string? Skip(RunData run) => run.Metrics.Count == 0 ? "metrics.csv has no epochs" : null;

    protected override int ContentHeight(RunData run) => 560;

    protected override void DrawContent(FigureCanvas canvas, RunData run, SKRect area) =>
        canvas.Plot(CurveChart.Build(run, CurveChart.Metric.Loss, legend: true), area);
}
