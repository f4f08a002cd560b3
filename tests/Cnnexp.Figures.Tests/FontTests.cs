using Cnnexp.Figures.Drawing;
using SkiaSharp;

namespace Cnnexp.Figures.Tests;

/// <summary>
/// Text must come from the font embedded in Cnnexp.Figures. These tests prove this process cannot
/// draw text any other way, so the title pixels the figure tests count are the embedded font's.
/// </summary>
public class FontTests
{
    [Fact]
    public void SkiaSharp_sees_no_system_font_in_this_process()
    {
        // SkiaSharp's NoDependencies build has no font manager: system fonts (installed or not) are invisible.
        Assert.Null(SKFontManager.Default.MatchCharacter('A'));
        using var byName = SKTypeface.FromFamilyName("DejaVu Sans");
        Assert.True(byName is null || byName.GlyphCount == 0, $"a system font was found: {byName?.FamilyName} ({byName?.GlyphCount} glyphs)");
    }

    [Fact]
    public void Without_the_embedded_font_a_title_leaves_no_pixels()
    {
        // The counting the figure tests rely on: the default typeface draws nothing, the embedded one draws the title.
        const string title = "Loss and accuracy per epoch";
        Assert.Equal(0, Pixels.InkOf(title, SKTypeface.Default, TextStyle.Title.Size, 800, 60, 24, 38));
        Assert.True(Pixels.InkOf(title, EmbeddedFonts.Bold, TextStyle.Title.Size, 800, 60, 24, 38) > 300);
    }

    [Fact]
    public void ScottPlot_resolves_every_font_name_to_the_embedded_faces()
    {
        EmbeddedFonts.InstallForScottPlot();
        foreach (var name in new[] { "DejaVu Sans", "Arial", "Segoe UI", "no such font" })
        {
            Assert.Same(EmbeddedFonts.Regular, ScottPlot.Fonts.GetTypeface(name, bold: false, italic: false));
            Assert.Same(EmbeddedFonts.Bold, ScottPlot.Fonts.GetTypeface(name, bold: true, italic: false));
        }
        Assert.True(EmbeddedFonts.Regular.GlyphCount > 1000);
    }
}
