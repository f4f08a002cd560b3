using System.Globalization;
using Cnnexp.Results.Artefacts;
using ScottPlot;
using SkiaSharp;

namespace Cnnexp.Figures.Drawing;

/// <summary>The colour maps image figures share, and how an image of any channel count is shown.</summary>
public static class Maps
{
    /// <summary>Signed values: blue below zero, white at zero, red above (cmocean "balance").</summary>
    public static readonly IColormap Signed = new ScottPlot.Colormaps.Balance();
    /// <summary>Unsigned intensities, e.g. a channel-summed image: black to white.</summary>
    public static readonly IColormap Grey = new ScottPlot.Colormaps.Grayscale();
    /// <summary>Small non-negative values such as differences: white at 0, black at the maximum.</summary>
    public static readonly IColormap GreyReversed = new ScottPlot.Colormaps.GrayscaleReversed();
    /// <summary>Activations, each map to its own range (perceptually uniform).</summary>
    public static readonly IColormap Activation = new ScottPlot.Colormaps.Viridis();

    /// <summary>The integer upscale that brings an image side closest to <paramref name="target"/> pixels (at least 1).</summary>
    public static int Scale(int side, int target) => Math.Max(1, (int)Math.Round((double)target / side));

    /// <summary>
    /// A (C, H, W) image as a bitmap: three channels as colour (rescaled from [low, high] when that
    /// is not within [0, 1]); otherwise the first channel in grey between <paramref name="low"/> and <paramref name="high"/>.
    /// </summary>
    public static SKBitmap Image(TensorData chw, int scale, double low, double high) =>
        chw.Shape[0] != 3 ? Raster.Scalar(chw.Shape[0] == 1 ? chw : chw.Slice(0), low, high, Grey, scale)
        : InUnitRange(low, high) ? Raster.Rgb(chw, scale)
        : Raster.Rgb(TensorData.Of(chw.Values.Select(v => (float)((v - low) / Math.Max(high - low, 1e-12))).ToArray(), [.. chw.Shape]), scale);

    /// <summary>Colour images in [0, 1] are drawn as they are; others (e.g. normalised) are rescaled from [low, high].</summary>
    static bool InUnitRange(double low, double high) => low >= 0 && high <= 1;

    public static string Number(double v) => Math.Abs(v) >= 0.01 || v == 0
        ? v.ToString(Math.Abs(v) >= 1 ? "0.##" : "0.###", CultureInfo.InvariantCulture)
        : v.ToString("0.#e+0", CultureInfo.InvariantCulture);

    /// <summary>How an input of this many channels is drawn, for captions.</summary>
    public static string Describe(int channels, double low, double high) => channels == 3
        ? InUnitRange(low, high) ? "RGB" : $"RGB scaled from {Number(low)}…{Number(high)}"
        : $"grey: {Number(low)} black … {Number(high)} white";
}
