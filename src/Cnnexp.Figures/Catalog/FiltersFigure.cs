using Cnnexp.Figures.Drawing;
using Cnnexp.Results.Artefacts;
using SkiaSharp;

namespace Cnnexp.Figures.Catalog;

/// <summary>Each model's first-layer kernels: as colour images (three input channels) and channel by channel.</summary>
public sealed class FiltersFigure : Figure
{
    const int LabelColumn = 96, Target = 56, CellGap = 9, PerLine = 16, HeaderHeight = 36, IndexHeight = 22, StripHeight = 44, BlockGap = 18;

    public override string Name => "filters";

    public override string Caption =>
        "The learned kernels of each model's first conv2d layer. With three input channels the top row shows each " +
        "filter as a colour image (grey is 0; a red patch means the filter responds to red there), and the rows below " +
        "show its red, green and blue kernel slices on a signed scale. A model that sums the channels first has a " +
        "single kernel per filter and cannot weigh colours differently.";

    public override string Title(RunData run) => "First-layer kernels";

    public override string? Subtitle(RunData run) => "Blue below 0, white 0, red above; one scale per model (bottom of its block).";

    public override string? Skip(RunData run) => Blocks(run).Count == 0 ? "no model artefacts with a conv2d layer" : null;

    static List<(string Model, ConvFilters Filters)> Blocks(RunData run) =>
        run.Models.Select(m => (m, run.ArtefactsOf(m)?.Filters)).Where(x => x.Item2 is not null).Select(x => (x.m, x.Item2!)).ToList();

    static int Side(ConvFilters f) => f.Weight.Shape[2] * Maps.Scale(f.Weight.Shape[2], Target);
    static int Scale(ConvFilters f) => Maps.Scale(f.Weight.Shape[2], Target);
    static int Channels(ConvFilters f) => Math.Min(4, f.Weight.Shape[1]);
    static int RowsPerLine(ConvFilters f) => Channels(f) + (f.Weight.Shape[1] == 3 ? 1 : 0);
    static int Lines(ConvFilters f) => (f.Weight.Shape[0] + PerLine - 1) / PerLine;

    static int BlockHeight(ConvFilters f) =>
        HeaderHeight + Lines(f) * (IndexHeight + RowsPerLine(f) * (Side(f) + CellGap)) + StripHeight + BlockGap;

    protected override int ContentHeight(RunData run) => Blocks(run).Sum(b => BlockHeight(b.Filters)) - BlockGap;

    protected override void DrawContent(FigureCanvas canvas, RunData run, SKRect area)
    {
        float y = area.Top;
        foreach (var (model, filters) in Blocks(run))
        {
            DrawBlock(canvas, run, model, filters, area.Left, y);
            y += BlockHeight(filters);
        }
    }

    static void DrawBlock(FigureCanvas canvas, RunData run, string model, ConvFilters f, float x, float y)
    {
        var w = f.Weight;
        int filters = w.Shape[0], channels = w.Shape[1], side = Side(f), scale = Scale(f);
        float width = canvas.Text(model, x, y + 24, TextStyle.Heading.WithColor(run.ColorOf(model).ToSkia()) with { Size = 19 });
        canvas.Text($"  {f.Layer}: {filters} filters of {channels}×{w.Shape[2]}×{w.Shape[3]}", x + width, y + 24, TextStyle.Body);
        double range = Math.Max(w.MaxAbs, 1e-12);
        y += HeaderHeight;
        for (int line = 0; line < Lines(f); line++)
        {
            int first = line * PerLine, count = Math.Min(PerLine, filters - first);
            for (int k = 0; k < count; k++)
                canvas.Text((first + k).ToString(), x + LabelColumn + k * (side + CellGap) + side / 2f, y + 16, TextStyle.Small, SKTextAlign.Center);
            y += IndexHeight;
            var rows = new List<(string Label, Func<TensorData, SKBitmap> Draw)>();
            if (channels == 3) rows.Add(("colour", k => Raster.Rgb(Composite(k, range), scale)));
            for (int c = 0; c < Channels(f); c++)
            {
                int channel = c;
                rows.Add((channels == 3 ? "RGB"[c] + " slice" : channels == 1 ? "kernel" : $"channel {c}", k => Raster.Scalar(k.Slice(channel), -range, range, Maps.Signed, scale)));
            }
            foreach (var (label, draw) in rows)
            {
                canvas.Text(label, x, y + side / 2f + 5, TextStyle.Body);
                for (int k = 0; k < count; k++)
                {
                    float cx = x + LabelColumn + k * (side + CellGap);
                    using var bitmap = draw(w.Slice(first + k));
                    canvas.Image(bitmap, cx, y);
                    canvas.Stroke(new SKRect(cx, y, cx + side, y + side), Ink.Rule);
                }
                y += side + CellGap;
            }
        }
        canvas.ColorStrip(new SKRect(x + LabelColumn, y + 6, x + LabelColumn + 260, y + 18), Maps.Signed,
            "−" + Maps.Number(range), "+" + Maps.Number(range), "0");
    }

    /// <summary>(3, kH, kW) weights as a colour image: 0 is mid-grey, ±range the channel's extremes.</summary>
    static TensorData Composite(TensorData kernel, double range) =>
        TensorData.Of(kernel.Values.Select(v => (float)(0.5 + v / (2 * range))).ToArray(), [.. kernel.Shape]);
}
