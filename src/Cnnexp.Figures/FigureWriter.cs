using System.Text;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace Cnnexp.Figures;

/// <summary>Draws a figure twice with the same code: on a raster surface (PNG) and on SkiaSharp's SVG canvas.</summary>
public static class FigureWriter
{
    public static FigureFile Write(Figure figure, RunData run, string dir)
    {
        Directory.CreateDirectory(dir);
        var size = figure.Size(run);
        string png = Path.Combine(dir, figure.Name + ".png"), svg = Path.Combine(dir, figure.Name + ".svg");
        WriteAtomic(png, stream =>
        {
            using var surface = SKSurface.Create(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul))
                                ?? throw new InvalidOperationException($"cannot allocate a {size.Width}x{size.Height} surface");
            figure.Draw(surface.Canvas, run);
            using var image = surface.Snapshot();
            using var data = image.Encode(SKEncodedImageFormat.Png, 100);
            data.SaveTo(stream);
        });
        WriteAtomic(svg, stream =>
        {
            using var memory = new MemoryStream();
            using (var canvas = SKSvgCanvas.Create(SKRect.Create(size.Width, size.Height), memory)) figure.Draw(canvas, run);
            var text = StableIds(Encoding.UTF8.GetString(memory.ToArray()));
            stream.Write(Encoding.UTF8.GetBytes(text));
        });
        return new FigureFile(figure.Name, figure.Title(run), figure.Caption, png, svg, size.Width, size.Height);
    }

    /// <summary>
    /// Skia numbers SVG ids (clip paths, images) from a counter shared by the whole process, so the
    /// same figure would get other ids after other figures. Renumbering them in order of appearance
    /// makes every SVG depend on its figure alone, as the PNGs do.
    /// </summary>
    public static string StableIds(string svg)
    {
        var ids = new Dictionary<string, string>();
        foreach (Match m in Regex.Matches(svg, "id=\"([A-Za-z]+)_([0-9a-fA-F]+)\""))
            if (!ids.ContainsKey(m.Groups[0].Value[4..^1]))
                ids[m.Groups[0].Value[4..^1]] = $"{m.Groups[1].Value}_{ids.Count(k => k.Key.StartsWith(m.Groups[1].Value + "_", StringComparison.Ordinal))}";
        return ids.Count == 0 ? svg : Regex.Replace(svg, "(?<=id=\"|#)([A-Za-z]+_[0-9a-fA-F]+)(?=[\")])",
            m => ids.TryGetValue(m.Value, out var stable) ? stable : m.Value);
    }

    /// <summary>Readers (and a report being written) never see half a file.</summary>
    static void WriteAtomic(string path, Action<Stream> write)
    {
        string tmp = path + ".tmp-" + Environment.ProcessId;
        using (var stream = File.Create(tmp)) write(stream);
        File.Move(tmp, path, overwrite: true);
    }
}
