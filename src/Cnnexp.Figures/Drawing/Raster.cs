using Cnnexp.Results.Artefacts;
using ScottPlot;
using SkiaSharp;

namespace Cnnexp.Figures.Drawing;

/// <summary>Tensors to bitmaps, each source pixel a <c>scale x scale</c> block (nearest neighbour: no blur).</summary>
public static class Raster
{
    /// <summary>(3, H, W) with values in [0, 1] as a colour image; values outside are clamped.</summary>
    public static SKBitmap Rgb(TensorData chw, int scale)
    {
        int h = chw.Shape[1], w = chw.Shape[2], plane = h * w;
        return Build(w, h, scale, (x, y) =>
        {
            int i = y * w + x;
            return new SKColor(Byte(chw.Values[i]), Byte(chw.Values[plane + i]), Byte(chw.Values[2 * plane + i]));
        });
    }

    /// <summary>(H, W) or (1, H, W) through a colour map, <paramref name="low"/> and <paramref name="high"/> at its ends.</summary>
    public static SKBitmap Scalar(TensorData map, double low, double high, IColormap colormap, int scale)
    {
        int h = map.Shape[^2], w = map.Shape[^1];
        double span = high > low ? high - low : 1;
        return Build(w, h, scale, (x, y) =>
        {
            double f = Math.Clamp((map.Values[y * w + x] - low) / span, 0, 1);
            return colormap.GetColor(f).ToSkia();
        });
    }

    /// <summary>A left-to-right strip of a colour map.</summary>
    public static SKBitmap Gradient(int width, int height, IColormap colormap)
    {
        var colors = Enumerable.Range(0, width).Select(x => colormap.GetColor(width == 1 ? 0 : x / (width - 1.0)).ToSkia()).ToArray();
        return Build(width, height, 1, (x, _) => colors[x]);
    }

    static SKBitmap Build(int w, int h, int scale, Func<int, int, SKColor> color)
    {
        var bitmap = new SKBitmap(new SKImageInfo(w * scale, h * scale, SKColorType.Rgba8888, SKAlphaType.Premul));
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                var c = color(x, y);
                for (int dy = 0; dy < scale; dy++)
                    for (int dx = 0; dx < scale; dx++)
                        bitmap.SetPixel(x * scale + dx, y * scale + dy, c);
            }
        return bitmap;
    }

    static byte Byte(float v) => (byte)Math.Clamp(MathF.Round(v * 255f), 0, 255);
}
