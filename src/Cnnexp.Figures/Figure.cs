using Cnnexp.Figures.Drawing;
using SkiaSharp;

namespace Cnnexp.Figures;

/// <summary>
/// One named figure. Every figure has the same frame: white background, a black bold title (and
/// an optional grey subtitle) in a band at the top, then its content. Drawing is deterministic,
/// so redrawing a run directory gives the same bytes.
/// </summary>
public abstract class Figure
{
    public const int DefaultWidth = 1200;
    public const int Margin = 24;

    /// <summary>The name used under `figures:` and for the files, e.g. <c>curves</c>.</summary>
    public abstract string Name { get; }

    /// <summary>What the figure shows and how to read it (the report prints it under the figure).</summary>
    public abstract string Caption { get; }

    public abstract string Title(RunData run);

    public virtual string? Subtitle(RunData run) => null;

    /// <summary>Null when the figure can be drawn from this run; otherwise why not.</summary>
    public virtual string? Skip(RunData run) => null;

    public virtual int Width(RunData run) => DefaultWidth;

    /// <summary>Height of the content below the title band.</summary>
    protected abstract int ContentHeight(RunData run);

    /// <summary>Draws the content into <paramref name="area"/> (below the title band, inside the side margins).</summary>
    protected abstract void DrawContent(FigureCanvas canvas, RunData run, SKRect area);

    public int TitleBand(RunData run) => Subtitle(run) is null ? 56 : 82;

    public SKSizeI Size(RunData run) => new(Width(run), TitleBand(run) + ContentHeight(run) + Margin);

    public void Draw(SKCanvas target, RunData run)
    {
        var canvas = new FigureCanvas(target);
        var size = Size(run);
        target.Clear(Ink.Background);
        canvas.Text(Title(run), Margin, 38, TextStyle.Title);
        if (Subtitle(run) is string sub) canvas.Text(sub, Margin, 66, TextStyle.Subtitle);
        int band = TitleBand(run);
        DrawContent(canvas, run, new SKRect(Margin, band, size.Width - Margin, size.Height - Margin));
    }
}
