using SkiaSharp;

namespace Cnnexp.Figures.Tests;

/// <summary>Counting pixels of a decoded figure.</summary>
static class Pixels
{
    public static SKBitmap Decode(string png) =>
        SKBitmap.Decode(png) ?? throw new InvalidDataException($"{png} does not decode as an image");

    /// <summary>Pixels exactly of <paramref name="color"/> (alpha ignored) inside the rectangle.</summary>
    public static int Count(SKBitmap bitmap, SKColor color, SKRectI area)
    {
        int n = 0;
        for (int y = Math.Max(0, area.Top); y < Math.Min(bitmap.Height, area.Bottom); y++)
            for (int x = Math.Max(0, area.Left); x < Math.Min(bitmap.Width, area.Right); x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (p.Red == color.Red && p.Green == color.Green && p.Blue == color.Blue) n++;
            }
        return n;
    }

    public static int CountNot(SKBitmap bitmap, SKColor color, SKRectI area) =>
        Math.Max(0, Math.Min(bitmap.Width, area.Right) - Math.Max(0, area.Left)) * Math.Max(0, Math.Min(bitmap.Height, area.Bottom) - Math.Max(0, area.Top))
        - Count(bitmap, color, area);

    public static int DistinctColors(SKBitmap bitmap) => bitmap.Pixels.Select(p => (uint)p).Distinct().Count();

    /// <summary>A line of text drawn alone on white with <paramref name="typeface"/>: how many of its pixels are fully the ink colour.</summary>
    public static int InkOf(string text, SKTypeface typeface, float size, int width, int height, float x, float baseline)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        using var font = new SKFont(typeface, size) { Edging = SKFontEdging.Antialias, Subpixel = true, Hinting = SKFontHinting.Slight };
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        surface.Canvas.DrawText(text, x, baseline, SKTextAlign.Left, font, paint);
        using var image = surface.Snapshot();
        using var bitmap = SKBitmap.FromImage(image);
        return Count(bitmap, SKColors.Black, new SKRectI(0, 0, width, height));
    }
}
