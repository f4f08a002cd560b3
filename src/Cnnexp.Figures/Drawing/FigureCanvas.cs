using ScottPlot;
using SkiaSharp;

namespace Cnnexp.Figures.Drawing;

/// <summary>
/// An SKCanvas with the few things figures draw by hand: text in the embedded font, wrapped
/// paragraphs, crisp raster images, colour-scale strips and ScottPlot charts placed in a rectangle.
/// The same calls draw the PNG (raster surface) and the SVG (SkiaSharp's SVG canvas).
/// </summary>
public sealed class FigureCanvas(SKCanvas canvas)
{
    public SKCanvas Canvas { get; } = canvas;

    /// <summary>Draws one line of text with its baseline at <paramref name="y"/>; returns its width.</summary>
    public float Text(string text, float x, float y, TextStyle style, SKTextAlign align = SKTextAlign.Left)
    {
        using var font = style.Font();
        using var paint = new SKPaint { Color = style.Color, IsAntialias = true };
        Canvas.DrawText(text, x, y, align, font, paint);
        return font.MeasureText(text);
    }

    public static float Measure(string text, TextStyle style)
    {
        using var font = style.Font();
        return font.MeasureText(text);
    }

    /// <summary>The text, shortened with an ellipsis if needed so it is at most <paramref name="width"/> pixels wide.</summary>
    public static string Fit(string text, float width, TextStyle style)
    {
        if (Measure(text, style) <= width) return text;
        int n = text.Length;
        while (n > 0 && Measure(text[..n] + "…", style) > width) n--;
        return text[..n].TrimEnd() + "…";
    }

    public static float LineHeight(TextStyle style) => MathF.Ceiling(style.Size * 1.4f);

    /// <summary>Greedy word wrap to <paramref name="width"/> pixels.</summary>
    public static IReadOnlyList<string> Wrap(string text, float width, TextStyle style)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Measure(candidate, style) > width) { lines.Add(line); line = word; }
            else line = candidate;
        }
        if (line.Length > 0) lines.Add(line);
        return lines;
    }

    /// <summary>Draws wrapped text whose first baseline sits one line below <paramref name="top"/>; returns the height used.</summary>
    public float Paragraph(string text, float x, float top, float width, TextStyle style)
    {
        var lines = Wrap(text, width, style);
        float lh = LineHeight(style);
        for (int i = 0; i < lines.Count; i++) Text(lines[i], x, top + style.Size + i * lh, style);
        return lines.Count * lh;
    }

    public static float ParagraphHeight(string text, float width, TextStyle style) => Wrap(text, width, style).Count * LineHeight(style);

    /// <summary>Draws a bitmap at 1:1 (figures upscale with nearest neighbour beforehand, so pixels stay crisp in PNG and SVG).</summary>
    public void Image(SKBitmap bitmap, float x, float y)
    {
        using var image = SKImage.FromBitmap(bitmap);
        Canvas.DrawImage(image, x, y, new SKSamplingOptions(SKFilterMode.Nearest), null);
    }

    public void Fill(SKRect rect, SKColor color)
    {
        using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill };
        Canvas.DrawRect(rect, paint);
    }

    public void Stroke(SKRect rect, SKColor color, float width = 1)
    {
        using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = width, IsAntialias = false };
        Canvas.DrawRect(rect, paint);
    }

    public void Line(float x0, float y0, float x1, float y1, SKColor color, float width = 1)
    {
        using var paint = new SKPaint { Color = color, StrokeWidth = width, IsAntialias = true };
        Canvas.DrawLine(x0, y0, x1, y1, paint);
    }

    /// <summary>Renders a ScottPlot chart into <paramref name="rect"/> (axes, ticks and legend are ScottPlot's).</summary>
    public void Plot(Plot plot, SKRect rect)
    {
        Canvas.Save();
        Canvas.ClipRect(rect);
        plot.Render(Canvas, new PixelRect(rect.Left, rect.Right, rect.Bottom, rect.Top));
        Canvas.Restore();
    }

    /// <summary>
    /// A horizontal colour-scale strip with labels under its ends (and middle). Not an axis: the
    /// maps it explains have no coordinates, only a value range.
    /// </summary>
    public void ColorStrip(SKRect rect, IColormap colormap, string low, string high, string? middle = null)
    {
        var bitmap = Raster.Gradient((int)rect.Width, (int)rect.Height, colormap);
        Image(bitmap, rect.Left, rect.Top);
        bitmap.Dispose();
        Stroke(rect, Ink.Muted);
        float y = rect.Bottom + TextStyle.Small.Size + 3;
        Text(low, rect.Left, y, TextStyle.Small);
        Text(high, rect.Right, y, TextStyle.Small, SKTextAlign.Right);
        if (middle is not null) Text(middle, rect.MidX, y, TextStyle.Small, SKTextAlign.Center);
    }
}
