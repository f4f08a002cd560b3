using Cnnexp.Figures.Drawing;
using Cnnexp.Results.Artefacts;
using SkiaSharp;

namespace Cnnexp.Figures.Catalog;

/// <summary>
/// The same images after each model's input transforms, side by side: what each network actually
/// sees (e.g. RGB vs channel-summed). Models with the same transforms share a row.
/// </summary>
public sealed class TransformsFigure : Figure
{
    const int LabelColumn = 230, Target = 96, CellGap = 14, HeaderHeight = 30, RowGap = 16;

    public override string Name => "transforms";

    public override string Caption =>
        "Each row shows the same test images after a model's input transforms, i.e. what its first layer receives. " +
        "Single-channel inputs are drawn in grey on one scale per row (given in the row label). Where two classes " +
        "look alike in a row, that model cannot tell them apart from the input alone.";

    public override string Title(RunData run) => "What each model sees: input transforms applied to the same images";

    public override string? Skip(RunData run) =>
        run.Samples is null ? "the run directory has no artefacts/samples.json"
        : Rows(run).Count == 0 ? "the run directory has no model artefacts" : null;

    sealed record Row(IReadOnlyList<string> Models, IReadOnlyList<string> Transforms, TensorData Images);

    static List<Row> Rows(RunData run)
    {
        var rows = new List<Row>();
        foreach (var name in run.Models)
        {
            if (run.ArtefactsOf(name) is not { } a) continue;
            var same = rows.FindIndex(r => r.Transforms.SequenceEqual(a.Transforms));
            if (same >= 0) rows[same] = rows[same] with { Models = [.. rows[same].Models, name] };
            else rows.Add(new Row([name], a.Transforms, a.Inputs));
        }
        if (rows.Count > 0 && rows.All(r => r.Transforms.Count > 0))
            rows.Insert(0, new Row([], [], run.Samples!.Pixels));
        return rows;
    }

    static int Side(RunData run) => run.Samples!.Pixels.Shape[3] * Maps.Scale(run.Samples.Pixels.Shape[3], Target);

    public override int Width(RunData run) => 2 * Margin + LabelColumn + run.Samples!.Count * (Side(run) + CellGap);

    protected override int ContentHeight(RunData run) => HeaderHeight + Rows(run).Sum(r => RowHeight(run, r) + RowGap) - RowGap;

    /// <summary>Model names, as many per line as fit in the label column.</summary>
    static List<List<string>> NameLines(Row row)
    {
        var lines = new List<List<string>> { new() };
        foreach (var name in row.Models)
        {
            var line = lines[^1];
            string candidate = string.Join(", ", line.Append(name)) + ",";
            if (line.Count > 0 && FigureCanvas.Measure(candidate, TextStyle.Heading) > LabelColumn - 14) lines.Add(line = []);
            line.Add(name);
        }
        return lines;
    }

    /// <summary>Name lines (20 px each) plus three lines of details, or the image height if taller.</summary>
    static int RowHeight(RunData run, Row row) => Math.Max(Side(run), 20 * Math.Max(1, NameLines(row).Count) + 64);

    protected override void DrawContent(FigureCanvas canvas, RunData run, SKRect area)
    {
        var samples = run.Samples!;
        int side = Side(run), scale = Maps.Scale(samples.Pixels.Shape[3], Target);
        float x0 = area.Left + LabelColumn;
        for (int i = 0; i < samples.Count; i++)
            canvas.Text(samples.ClassOf(i), x0 + i * (side + CellGap) + side / 2f, area.Top + 18, TextStyle.Small, SKTextAlign.Center);
        float y = area.Top + HeaderHeight;
        foreach (var row in Rows(run))
        {
            double low = row.Images.Min, high = row.Images.Max;
            DrawLabel(canvas, run, row, area.Left, y, low, high);
            for (int i = 0; i < samples.Count; i++)
            {
                using var bitmap = Maps.Image(row.Images.Slice(i), scale, low, high);
                canvas.Image(bitmap, x0 + i * (side + CellGap), y);
            }
            y += RowHeight(run, row) + RowGap;
        }
    }

    static void DrawLabel(FigureCanvas canvas, RunData run, Row row, float x, float y, double low, double high)
    {
        var heading = TextStyle.Heading;
        float width = LabelColumn - 14;
        if (row.Models.Count == 0) canvas.Text("original image", x, y + 20, heading);
        var lines = NameLines(row);
        for (int l = 0; l < lines.Count; l++)
        {
            float cx = x;
            for (int i = 0; i < lines[l].Count; i++)
            {
                bool last = l == lines.Count - 1 && i == lines[l].Count - 1;
                string text = FigureCanvas.Fit(lines[l][i], width, heading) + (last ? "" : ",");
                cx += canvas.Text(text, cx, y + 20 + 20 * l, heading.WithColor(run.ColorOf(lines[l][i]).ToSkia())) + 6;
            }
        }
        y += 20 * (Math.Max(1, lines.Count) - 1);
        int channels = row.Images.Shape[1];
        string pipeline = row.Transforms.Count == 0 ? "no input transform" : string.Join(" → ", row.Transforms);
        canvas.Text(FigureCanvas.Fit(pipeline, width, TextStyle.Body), x, y + 44, TextStyle.Body);
        canvas.Text($"{channels}×{row.Images.Shape[2]}×{row.Images.Shape[3]} per image", x, y + 64, TextStyle.Small);
        canvas.Text(FigureCanvas.Fit(Maps.Describe(channels, low, high), width, TextStyle.Small), x, y + 82, TextStyle.Small);
    }
}
