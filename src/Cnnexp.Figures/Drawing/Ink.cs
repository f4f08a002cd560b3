using SkiaSharp;

namespace Cnnexp.Figures.Drawing;

/// <summary>The colours every figure shares. Titles are pure black on pure white so tests can find their pixels.</summary>
public static class Ink
{
    public static readonly SKColor Background = SKColors.White;
    public static readonly SKColor Title = SKColors.Black;
    public static readonly SKColor Text = new(0x22, 0x22, 0x22);
    public static readonly SKColor Muted = new(0x5F, 0x5F, 0x5F);
    public static readonly SKColor Rule = new(0xC8, 0xC8, 0xC8);
    public static readonly SKColor Panel = new(0xF4, 0xF4, 0xF4);
    public static readonly SKColor Good = new(0x00, 0x6D, 0x3C);
    public static readonly SKColor Warn = new(0xB0, 0x3A, 0x00);

    public static SKColor ToSkia(this ScottPlot.Color c) => new(c.R, c.G, c.B, c.A);
}
