using Cnnexp.Results;
using SkiaSharp;

namespace Cnnexp.Hooks;

/// <summary>
/// Where a custom figure draws: a blank white canvas of <see cref="Width"/> x <see cref="Height"/>
/// pixels and the finished run's results. Use <see cref="Font"/> for text: servers often have no
/// fonts, so cnnexp hands out the same embedded DejaVu Sans its own figures use.
/// </summary>
public sealed class FigureContext
{
    readonly Func<string, SKColor> colorOf;

    internal FigureContext(FinishedRun run, SKCanvas canvas, int width, int height, SKTypeface regular, SKTypeface bold, Func<string, SKColor> colorOf)
    {
        (Run, Canvas, Width, Height, Typeface, BoldTypeface, this.colorOf) = (run, canvas, width, height, regular, bold, colorOf);
    }

    /// <summary>The finished run: summary, every metrics row (extra columns included), the resolved spec.</summary>
    public FinishedRun Run { get; }

    public SKCanvas Canvas { get; }
    public int Width { get; }
    public int Height { get; }
    public SKTypeface Typeface { get; }
    public SKTypeface BoldTypeface { get; }

    /// <summary>A font of <paramref name="size"/> pixels in the embedded typeface; dispose it when done.</summary>
    public SKFont Font(float size, bool bold = false) => new(bold ? BoldTypeface : Typeface, size);

    /// <summary>The colour cnnexp's own figures give <paramref name="model"/>.</summary>
    public SKColor ColorOf(string model) => colorOf(model);
}
