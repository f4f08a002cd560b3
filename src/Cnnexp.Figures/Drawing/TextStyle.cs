using SkiaSharp;

namespace Cnnexp.Figures.Drawing;

/// <summary>A size, weight and colour for text drawn with the embedded font.</summary>
public sealed record TextStyle(float Size, bool Bold, SKColor Color)
{
    public static readonly TextStyle Title = new(24, true, Ink.Title);
    public static readonly TextStyle Subtitle = new(16, false, Ink.Muted);
    public static readonly TextStyle Heading = new(17, true, Ink.Text);
    public static readonly TextStyle Body = new(15, false, Ink.Text);
    public static readonly TextStyle Small = new(13, false, Ink.Muted);
    public static readonly TextStyle Cell = new(14, false, Ink.Text);

    public TextStyle WithColor(SKColor color) => this with { Color = color };
    public TextStyle AsBold() => this with { Bold = true };

    public SKFont Font() => new(Bold ? EmbeddedFonts.Bold : EmbeddedFonts.Regular, Size)
    {
        Edging = SKFontEdging.Antialias, Subpixel = true, Hinting = SKFontHinting.Slight,
    };
}
