using Cnnexp.Figures.Charts;
using Cnnexp.Figures.Drawing;
using SkiaSharp;

namespace Cnnexp.Figures.Catalog;

/// <summary>Loss and accuracy per epoch, side by side, for every model.</summary>
public sealed class CurvesFigure : Figure
{
    public override string Name => "curves";

    public override string Caption =>
        "Loss (left) and accuracy (right) per epoch. Each colour is one model; solid lines are the training set, " +
        "dashed lines the test set (dotted: validation, when the spec holds one out). A gap that opens between " +
        "solid and dashed lines of one colour is over-fitting.";

    public override string Title(RunData run) => "Loss and accuracy per epoch";
    public override string? Subtitle(RunData run) => CurveChart.Spread(run);
    public override string? Skip(RunData run) => run.Metrics.Count == 0 ? "metrics.csv has no epochs" : null;

    protected override int ContentHeight(RunData run) => 520;

    protected override void DrawContent(FigureCanvas canvas, RunData run, SKRect area)
    {
        const float gap = 24;
        float w = (area.Width - gap) / 2;
        canvas.Plot(CurveChart.Build(run, CurveChart.Metric.Loss, legend: true), new SKRect(area.Left, area.Top, area.Left + w, area.Bottom));
        canvas.Plot(CurveChart.Build(run, CurveChart.Metric.Accuracy, legend: false), new SKRect(area.Right - w, area.Top, area.Right, area.Bottom));
    }
}
