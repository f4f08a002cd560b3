using Cnnexp.Figures.Drawing;
using Cnnexp.Results.Artefacts;
using SkiaSharp;

namespace Cnnexp.Figures.Catalog;

/// <summary>
/// The notebook's central picture, with its <c>allclose</c> check made visible: one conv2d filter's
/// output split into one map per input channel, their sum plus the bias, the layer's own output,
/// and the measured largest difference between the two.
/// </summary>
public sealed class ChannelContributionsFigure : Figure
{
    public const double Tolerance = 1e-5;
    const int Target = 128, HeaderColumn = 170, Gap = 40, TopBlock = 36, ColumnHeader = 30, RowCaption = 44;
    const int MaxChannels = 4, MaxRows = 4;

    public override string Name => "channel_contributions";

    public override string Caption =>
        "A convolution keeps one kernel per input channel and sums the results. For the first filters of the first " +
        "conv2d layer, each row shows every input channel convolved with its own kernel slice (percentages: that " +
        "channel's share of the total magnitude), their sum plus the bias, the layer's own output, and the absolute " +
        "difference between the two. The largest difference, measured with TorchSharp on the trained weights, is " +
        "printed at the top and stored in summary.json under `checks`.";

    public override string Title(RunData run) => Choose(run) is { } a
        ? $"How {a.Contributions!.Layer} of {a.Model} combines its input channels"
        : "Channel contributions";

    public override string? Subtitle(RunData run) => Choose(run) is { } a && run.Samples is { } s
        ? $"Test image: {s.ClassOf(a.Contributions!.Sample)}. Blue below 0, white 0, red above; one colour scale per row (left)."
        : null;

    public override string? Skip(RunData run) =>
        run.Samples is null ? "the run directory has no artefacts/samples.json"
        : Choose(run) is null ? "no model's first conv2d layer sees more than one channel" : null;

    /// <summary>The first model (in spec order) whose first convolution was decomposed.</summary>
    static ModelArtefacts? Choose(RunData run) =>
        run.Models.Select(run.ArtefactsOf).FirstOrDefault(a => a?.Contributions is not null);

    static int Side(ChannelContributions c) => c.Input.Shape[2] * Maps.Scale(c.Input.Shape[2], Target);
    static int Channels(ChannelContributions c) => Math.Min(MaxChannels, c.Input.Shape[0]);
    static int Rows(ChannelContributions c) => Math.Min(MaxRows, c.Filters.Count);
    static int MapColumns(ChannelContributions c) => Channels(c) + 3;

    public override int Width(RunData run)
    {
        var c = Choose(run)!.Contributions!;
        return 2 * Margin + HeaderColumn + MapColumns(c) * Side(c) + (MapColumns(c) - 1) * Gap;
    }

    int TopHeight(RunData run)
    {
        var c = Choose(run)!.Contributions!;
        return Math.Max(Side(c), (int)CheckTextHeight(run, Width(run) - 2 * Margin - Side(c) - 30)) + TopBlock;
    }

    protected override int ContentHeight(RunData run)
    {
        var c = Choose(run)!.Contributions!;
        return TopHeight(run) + ColumnHeader + Rows(c) * (Side(c) + RowCaption);
    }

    protected override void DrawContent(FigureCanvas canvas, RunData run, SKRect area)
    {
        var a = Choose(run)!;
        var c = a.Contributions!;
        int side = Side(c), scale = Maps.Scale(c.Input.Shape[2], Target);
        using (var input = Maps.Image(c.Input, scale, c.Input.Min, c.Input.Max)) canvas.Image(input, area.Left, area.Top);
        canvas.Text($"input to {c.Layer} ({string.Join("×", c.Input.Shape)})", area.Left, area.Top + side + 20, TextStyle.Small);
        DrawCheck(canvas, run, area.Left + side + 30, area.Top, area.Width - side - 30);
        float y = area.Top + TopHeight(run);
        float x0 = area.Left + HeaderColumn;
        bool bias = a.Filters is not { Bias.Count: 0 } || a.Filters.Layer != c.Layer;             // a conv2d with `bias: false` stores none
        string[] headers = [.. Enumerable.Range(0, Channels(c)).Select(i => $"{ChannelName(c, i)} contribution"), bias ? "sum + bias" : "sum", "layer output", "|difference|"];
        for (int i = 0; i < headers.Length; i++)
            canvas.Text(headers[i], x0 + i * (side + Gap) + side / 2f, y + 18, TextStyle.Body.AsBold(), SKTextAlign.Center);
        y += ColumnHeader;
        for (int r = 0; r < Rows(c); r++)
        {
            DrawRow(canvas, c, c.Filters[r], area.Left, y, scale, bias);
            y += side + RowCaption;
        }
    }

    static string ChannelName(ChannelContributions c, int i) => c.Input.Shape[0] == 3 ? "RGB"[i].ToString() : $"channel {i}";

    static void DrawRow(FigureCanvas canvas, ChannelContributions c, FilterContribution f, float left, float y, int scale, bool hasBias)
    {
        int side = Side(c), channels = Channels(c);
        float x0 = left + HeaderColumn;
        double range = new[] { f.Channels.MaxAbs, f.Sum.MaxAbs, f.Output.MaxAbs }.Max();
        canvas.Text($"filter {f.Filter}", left, y + 22, TextStyle.Heading);
        canvas.Text(hasBias ? $"bias {(f.Bias >= 0 ? "+" : "")}{Maps.Number(f.Bias)}" : "no bias", left, y + 46, TextStyle.Body);
        canvas.ColorStrip(new SKRect(left, y + 64, left + HeaderColumn - 30, y + 76), Maps.Signed, "−" + Maps.Number(range), "+" + Maps.Number(range), "0");
        double[] magnitude = Enumerable.Range(0, c.Input.Shape[0]).Select(i => (double)f.Channels.Slice(i).Values.Sum(MathF.Abs)).ToArray();
        double total = magnitude.Sum();
        var maps = Enumerable.Range(0, channels).Select(i => f.Channels.Slice(i)).Append(f.Sum).Append(f.Output).ToList();
        for (int i = 0; i < maps.Count; i++)
        {
            float x = x0 + i * (side + Gap);
            using var bitmap = Raster.Scalar(maps[i], -range, range, Maps.Signed, scale);
            canvas.Image(bitmap, x, y);
            canvas.Stroke(new SKRect(x, y, x + side, y + side), Ink.Rule);
            string op = i < channels - 1 ? "+" : i == channels - 1 ? "=" : i == channels ? "vs" : "";
            if (i == channels - 1 && c.Input.Shape[0] > channels) op = "+…=";
            canvas.Text(op, x + side + Gap / 2f, y + side / 2f + 8, TextStyle.Heading with { Size = 22 }, SKTextAlign.Center);
            if (i < channels)
                canvas.Text($"{100 * magnitude[i] / Math.Max(total, 1e-30):0}% of |total|", x + side / 2f, y + side + 20, TextStyle.Small, SKTextAlign.Center);
        }
        var diff = TensorData.Of(f.Sum.Values.Zip(f.Output.Values, (s, o) => MathF.Abs(s - o)).ToArray(), [.. f.Sum.Shape]);
        float dx = x0 + maps.Count * (side + Gap);
        using (var bitmap = Raster.Scalar(diff, 0, Math.Max(diff.Max, 1e-12), Maps.GreyReversed, scale)) canvas.Image(bitmap, dx, y);
        canvas.Stroke(new SKRect(dx, y, dx + side, y + side), Ink.Rule);
        canvas.Text($"max {Maps.Number(f.MaxAbsDifference)}", dx + side / 2f, y + side + 20, TextStyle.Small, SKTextAlign.Center);
    }

    static string CheckText(RunData run, out bool ok)
    {
        var a = Choose(run)!;
        var c = a.Contributions!;
        ok = c.MaxAbsDifference <= Tolerance;
        string seeds = run.Summary.Checks.TryGetValue($"channel_contributions.{a.Model}.{c.Layer}.max_abs_difference", out var all)
                       && run.Summary.Seeds.Count > 1 ? $"; over all {run.Summary.Seeds.Count} seeds {Maps.Number(all)}" : "";
        return $"{(ok ? "✓" : "✗")} max |sum + bias − layer output| = {Maps.Number(c.MaxAbsDifference)} over all " +
               $"{c.OutputChannels} filters and {run.Samples!.Count} images{seeds} " +
               $"(tolerance {Maps.Number(Tolerance)}: {(ok ? "float32 rounding only" : "the decomposition does NOT match")}).";
    }

    const string Explanation =
        "A conv2d filter holds one kernel per input channel. Convolving each channel with its own kernel and adding " +
        "the results and the bias gives exactly the layer's output: nothing is mixed before the sum.";

    static float CheckTextHeight(RunData run, float width) =>
        FigureCanvas.ParagraphHeight(Explanation, width, TextStyle.Body) + 12 +
        FigureCanvas.ParagraphHeight(CheckText(run, out _), width, TextStyle.Heading);

    static void DrawCheck(FigureCanvas canvas, RunData run, float x, float y, float width)
    {
        y += canvas.Paragraph(Explanation, x, y, width, TextStyle.Body) + 12;
        string text = CheckText(run, out bool ok);
        canvas.Paragraph(text, x, y, width, TextStyle.Heading.WithColor(ok ? Ink.Good : Ink.Warn));
    }
}
