using Cnnexp.Figures.Drawing;
using SkiaSharp;

namespace Cnnexp.Figures.Catalog;

/// <summary>The notebook's first picture: example images with their class names.</summary>
public sealed class SamplesFigure : Figure
{
    const int Target = 128, LabelHeight = 46, RowGap = 14;

    public override string Name => "samples";

    public override string Caption =>
        "One test image of each class, as the models receive it (before any input transform), with its class name. " +
        "Every image figure uses these same images.";

    public override string Title(RunData run) => $"Sample test images, one per class ({run.Summary.Dataset})";

    public override string? Skip(RunData run) => run.Samples is null ? "the run directory has no artefacts/samples.json" : null;

    static int Columns(int count) => count <= 6 ? count : Math.Min(6, (count + 1) / 2);

    int Side(RunData run) => run.Samples!.Pixels.Shape[3] * Maps.Scale(run.Samples.Pixels.Shape[3], Target);

    protected override int ContentHeight(RunData run)
    {
        int rows = (run.Samples!.Count + Columns(run.Samples.Count) - 1) / Columns(run.Samples.Count);
        return rows * (Side(run) + LabelHeight + RowGap) - RowGap;
    }

    protected override void DrawContent(FigureCanvas canvas, RunData run, SKRect area)
    {
        var samples = run.Samples!;
        int columns = Columns(samples.Count), side = Side(run), scale = Maps.Scale(samples.Pixels.Shape[3], Target);
        float cell = Math.Min(area.Width / columns, side + 90);
        float left = area.Left + (area.Width - cell * columns) / 2;
        for (int i = 0; i < samples.Count; i++)
        {
            float cx = left + (i % columns + 0.5f) * cell, y = area.Top + i / columns * (side + LabelHeight + RowGap);
            var image = samples.Pixels.Slice(i);
            using var bitmap = Maps.Image(image, scale, image.Min, image.Max);
            canvas.Image(bitmap, cx - side / 2f, y);
            canvas.Text(samples.ClassOf(i), cx, y + side + 21, TextStyle.Body.AsBold(), SKTextAlign.Center);
            canvas.Text($"test image {samples.Indices[i]}", cx, y + side + 39, TextStyle.Small, SKTextAlign.Center);
        }
    }
}
