using Cnnexp.Figures.Drawing;
using Cnnexp.Results.Artefacts;
using SkiaSharp;

namespace Cnnexp.Figures.Catalog;

/// <summary>One image's path through each model: its input, then every conv2d layer's output maps.</summary>
public sealed class FeatureMapsFigure : Figure
{
    const int Target = 64, CellGap = 8, PerLine = 16, HeaderHeight = 36, LabelHeight = 24, RowGap = 12, BlockGap = 22;

    public override string Name => "feature_maps";

    public override string Caption =>
        "One test image passed through each model: the input as its first layer sees it, then the output channels of " +
        "every conv2d layer of the stack (before the activation; convolutions inside residual blocks are not shown), " +
        "each map on its own colour scale (dark: lowest, yellow: highest). " +
        "Each layer's maps are the features the next layer combines.";

    public override string Title(RunData run) => run.Samples is { } s && Blocks(run).FirstOrDefault() is { } b && b.Artefacts.FeatureMaps.Count > 0
        ? $"Feature maps of one test image ({s.ClassOf(b.Artefacts.FeatureMaps[0].Sample)})"
        : "Feature maps";

    public override string? Subtitle(RunData run) => "Viridis, each map scaled to its own range; at most 16 channels per layer.";

    public override string? Skip(RunData run) =>
        run.Samples is null ? "the run directory has no artefacts/samples.json"
        : Blocks(run).Count == 0 ? "no model artefacts with conv2d feature maps" : null;

    static List<(string Model, ModelArtefacts Artefacts)> Blocks(RunData run) =>
        run.Models.Select(m => (m, a: run.ArtefactsOf(m))).Where(x => x.a is { FeatureMaps.Count: > 0 }).Select(x => (x.m, x.a!)).ToList();

    static int Side(TensorData maps) => maps.Shape[^1] * Maps.Scale(maps.Shape[^1], Target);

    static int LayerHeight(FeatureMaps f) =>
        LabelHeight + (f.Maps.Shape[0] + PerLine - 1) / PerLine * (Side(f.Maps) + CellGap) + RowGap;

    static int InputSide(ModelArtefacts a) => Side(a.Inputs);

    static int BlockHeight(ModelArtefacts a) =>
        HeaderHeight + Math.Max(InputSide(a) + 28, a.FeatureMaps.Sum(LayerHeight)) + BlockGap;

    const int InputColumn = 110;

    public override int Width(RunData run) =>
        2 * Margin + InputColumn + Blocks(run).SelectMany(b => b.Artefacts.FeatureMaps)
            .Select(f => Math.Min(PerLine, f.Maps.Shape[0]) * (Side(f.Maps) + CellGap)).DefaultIfEmpty(0).Max();

    protected override int ContentHeight(RunData run) => Blocks(run).Sum(b => BlockHeight(b.Artefacts)) - BlockGap;

    protected override void DrawContent(FigureCanvas canvas, RunData run, SKRect area)
    {
        float y = area.Top;
        foreach (var (model, a) in Blocks(run))
        {
            DrawBlock(canvas, run, model, a, area.Left, y);
            y += BlockHeight(a);
        }
    }

    static void DrawBlock(FigureCanvas canvas, RunData run, string model, ModelArtefacts a, float x, float y)
    {
        canvas.Text(model, x, y + 24, TextStyle.Heading.WithColor(run.ColorOf(model).ToSkia()) with { Size = 19 });
        y += HeaderHeight;
        var input = a.Inputs.Slice(a.FeatureMaps[0].Sample);
        int inputSide = InputSide(a);
        using (var bitmap = Maps.Image(input, Maps.Scale(input.Shape[^1], Target), a.Inputs.Min, a.Inputs.Max))
            canvas.Image(bitmap, x, y + LabelHeight);
        canvas.Text("input", x, y + 17, TextStyle.Body.AsBold());
        canvas.Text(string.Join("×", input.Shape), x, y + LabelHeight + inputSide + 18, TextStyle.Small);
        float left = x + Math.Max(inputSide + 30, InputColumn);
        foreach (var f in a.FeatureMaps)
        {
            string shown = f.Maps.Shape[0] < f.Channels ? $"first {f.Maps.Shape[0]} of {f.Channels} channels" : $"{f.Channels} channels";
            canvas.Text($"{f.Layer} output: {shown}, {f.Maps.Shape[1]}×{f.Maps.Shape[2]}", left, y + 17, TextStyle.Body.AsBold());
            y += LabelHeight;
            int side = Side(f.Maps), scale = Maps.Scale(f.Maps.Shape[^1], Target);
            for (int k = 0; k < f.Maps.Shape[0]; k++)
            {
                var map = f.Maps.Slice(k);
                float cx = left + k % PerLine * (side + CellGap), cy = y + k / PerLine * (side + CellGap);
                using var bitmap = Raster.Scalar(map, map.Min, map.Max, Maps.Activation, scale);
                canvas.Image(bitmap, cx, cy);
            }
            y += LayerHeight(f) - LabelHeight;
        }
    }
}
