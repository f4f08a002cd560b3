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
            using var canvas = SKSvgCanvas.Create(SKRect.Create(size.Width, size.Height), stream);
            figure.Draw(canvas, run);
        });
        return new FigureFile(figure.Name, figure.Title(run), figure.Caption, png, svg, size.Width, size.Height);
    }

    /// <summary>Readers (and a report being written) never see half a file.</summary>
    static void WriteAtomic(string path, Action<Stream> write)
    {
        string tmp = path + ".tmp-" + Environment.ProcessId;
        using (var stream = File.Create(tmp)) write(stream);
        File.Move(tmp, path, overwrite: true);
    }
}
