using System.Xml.Linq;
using Cnnexp.Figures.Drawing;
using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Model;
using SkiaSharp;

namespace Cnnexp.Figures.Tests;

/// <summary>Every figure, drawn from a synthetic run directory: it decodes, has its size, shows something, and has its title in readable pixels.</summary>
public class FigureTests
{
    static readonly Lazy<(string Dir, RunData Run, FigureSet Set)> Drawn = new(() =>
    {
        string dir = SyntheticRun.Write();
        var set = FigureRenderer.Render(dir);
        return (dir, RunData.Load(dir), set);
    });

    /// <summary>Golden sizes for the synthetic run: a layout change shows up here first.</summary>
    public static TheoryData<string, int, int> Sizes => new()
    {
        { "samples", 1200, 442 }, { "transforms", 1378, 318 }, { "shapes", 1200, 806 }, { "channel_contributions", 1186, 988 },
        { "filters", 1200, 658 }, { "feature_maps", 1310, 632 }, { "curves", 1200, 626 }, { "loss", 1200, 666 },
        { "accuracy", 1200, 617 }, { "confusion", 1200, 706 }, { "per_class", 1200, 626 },
    };

    [Fact]
    public void Every_figure_in_the_catalogue_is_drawn_from_a_complete_run()
    {
        Assert.Empty(Drawn.Value.Set.Skipped);
        Assert.Equal(FigureCatalog.Names, Drawn.Value.Set.Drawn.Select(f => f.Name));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Png_decodes_has_the_expected_size_and_is_not_blank(string name, int width, int height)
    {
        var (_, run, set) = Drawn.Value;
        var file = set.Drawn.Single(f => f.Name == name);
        using var bitmap = Pixels.Decode(file.Png);
        var size = FigureCatalog.Find(name)!.Size(run);
        Assert.Equal((size.Width, size.Height), (bitmap.Width, bitmap.Height));
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        int band = FigureCatalog.Find(name)!.TitleBand(run);
        var content = new SKRectI(0, band, bitmap.Width, bitmap.Height);
        double inked = (double)Pixels.CountNot(bitmap, SKColors.White, content) / (content.Width * content.Height);
        Assert.True(inked > 0.04, $"{name}: only {inked:P1} of the content area is not white");
        Assert.True(Pixels.DistinctColors(bitmap) > 40, $"{name}: {Pixels.DistinctColors(bitmap)} colours");
    }

    public static TheoryData<string> Names => new(FigureCatalog.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public void Title_is_drawn_in_black_pixels_where_the_title_is(string name)
    {
        var (_, run, set) = Drawn.Value;
        var figure = FigureCatalog.Find(name)!;
        using var bitmap = Pixels.Decode(set.Drawn.Single(f => f.Name == name).Png);
        string title = figure.Title(run);
        int right = Figure.Margin + (int)Math.Ceiling(FigureCanvas.Measure(title, TextStyle.Title)) + 2;
        int inBand = Pixels.Count(bitmap, SKColors.Black, new SKRectI(0, 0, bitmap.Width, 48));
        int whereTitleIs = Pixels.Count(bitmap, SKColors.Black, new SKRectI(Figure.Margin - 2, 8, right, 48));
        // The same title drawn alone with the embedded bold face: every one of its fully black pixels must be there.
        int expected = Pixels.InkOf(title, EmbeddedFonts.Bold, TextStyle.Title.Size, bitmap.Width, 60, Figure.Margin, 38);
        Assert.True(expected > 8 * title.Length, $"reference rendering of \"{title}\" has only {expected} black pixels");
        Assert.Equal(expected, whereTitleIs);
        Assert.Equal(inBand, whereTitleIs);
    }

    [Fact]
    public void Svg_is_written_beside_each_png_with_the_same_size()
    {
        foreach (var f in Drawn.Value.Set.Drawn)
        {
            var svg = XDocument.Load(f.Svg).Root!;
            Assert.Equal("svg", svg.Name.LocalName);
            Assert.Equal(f.Width.ToString(), svg.Attribute("width")?.Value);
            Assert.Equal(f.Height.ToString(), svg.Attribute("height")?.Value);
            Assert.Contains(f.Title.Split(' ')[0], File.ReadAllText(f.Svg));
        }
    }

    [Fact]
    public void Redrawing_gives_the_same_bytes()
    {
        // Same process, other figures drawn in between: Skia's process-wide SVG id counter must not leak into the files.
        var first = Drawn.Value.Set.Drawn.ToDictionary(f => f.Name, f => (Png: File.ReadAllBytes(f.Png), Svg: File.ReadAllBytes(f.Svg)));
        var again = FigureRenderer.Render(Drawn.Value.Dir);
        foreach (var f in again.Drawn)
        {
            Assert.True(first[f.Name].Png.SequenceEqual(File.ReadAllBytes(f.Png)), $"{f.Name}.png changed on redraw");
            Assert.True(first[f.Name].Svg.SequenceEqual(File.ReadAllBytes(f.Svg)), $"{f.Name}.svg changed on redraw");
        }
    }

    [Fact]
    public void Svg_ids_are_numbered_per_file()
    {
        const string svg = "<clipPath id=\"cl_3b7\"/><g clip-path=\"url(#cl_3b7)\"/><clipPath id=\"cl_3c0\"/><use href=\"#cl_3c0\"/><image id=\"img_9\"/>";
        Assert.Equal("<clipPath id=\"cl_0\"/><g clip-path=\"url(#cl_0)\"/><clipPath id=\"cl_1\"/><use href=\"#cl_1\"/><image id=\"img_0\"/>",
            FigureWriter.StableIds(svg));
    }

    [Fact]
    public void Chart_text_from_ScottPlot_renders_too()
    {
        // Axis labels, tick labels and panel titles are black; nothing else in the curves figure is.
        var (_, run, set) = Drawn.Value;
        using var bitmap = Pixels.Decode(set.Drawn.Single(f => f.Name == "curves").Png);
        int band = FigureCatalog.Find("curves")!.TitleBand(run);
        int black = Pixels.Count(bitmap, SKColors.Black, new SKRectI(0, band, bitmap.Width, bitmap.Height));
        Assert.True(black > 400, $"only {black} black text pixels in the charts");
    }

    [Fact]
    public void Figure_names_agree_with_the_spec()
    {
        var allowed = SpecFields.Of(typeof(ExperimentSpec)).Single(f => f.Key == "figures").Attribute.Allowed!;
        Assert.Equal(FigureCatalog.Names.Order(), ExperimentSpec.FigureNames.Order());
        Assert.Equal(FigureCatalog.Names.Order(), allowed.Order());
    }

    [Fact]
    public void Figures_that_cannot_be_drawn_say_why()
    {
        string dir = SyntheticRun.Write();
        Directory.Delete(Path.Combine(dir, "artefacts"), recursive: true);
        var set = FigureRenderer.Render(dir);
        var skipped = set.Skipped.ToDictionary(s => s.Name, s => s.Reason);
        foreach (var name in new[] { "samples", "transforms", "channel_contributions", "filters", "feature_maps" })
            Assert.True(skipped.ContainsKey(name), $"{name} was drawn without artefacts");
        Assert.Contains("artefacts", skipped["samples"]);
        Assert.Contains(set.Drawn, f => f.Name == "accuracy");
        Assert.Throws<ArgumentException>(() => FigureRenderer.Render(dir, ["los"]));
    }
}
