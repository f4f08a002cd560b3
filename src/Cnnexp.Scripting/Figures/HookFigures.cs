using Cnnexp.Figures;
using Cnnexp.Hooks;
using Cnnexp.Results;
using Cnnexp.Scripting.Running;
using SkiaSharp;

namespace Cnnexp.Scripting.Figures;

/// <summary>
/// Figures that hooks add, drawn from the finished run directory like cnnexp's own: one curve figure
/// per custom metric, and each custom figure as PNG and SVG (its drawing function runs once per file).
/// A figure that throws is reported and skipped; the others are still drawn.
/// </summary>
public static class HookFigures
{
    public static IReadOnlyList<string> Render(string runDir, HookRun run, IReadOnlyList<HookSet> sets)
    {
        var finished = FinishedRun.Read(runDir);
        EmbeddedFonts.InstallForScottPlot();                        // scripts may chart with ScottPlot on their canvas
        string dir = Path.Combine(runDir, RunFiles.FiguresDir);
        Directory.CreateDirectory(dir);
        var written = new List<string>();
        foreach (var metric in sets.SelectMany(s => s.Metrics))
        {
            string path = Path.Combine(dir, MetricFigure.FileName(metric.Name));
            MetricFigure.Draw(finished, metric.Name, path);
            written.Add(path);
        }
        foreach (var set in sets)
            foreach (var figure in set.Figures)
                try { written.AddRange(Draw(finished, figure, dir)); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    run.Fail($"hook {set.Name} failed drawing figure `{figure.Name}`: {run.Describe(e)}");
                }
        return written;
    }

    static IEnumerable<string> Draw(FinishedRun run, FigureHook figure, string dir)
    {
        string png = Path.Combine(dir, figure.Name + ".png"), svg = Path.Combine(dir, figure.Name + ".svg");
        WriteAtomic(png, stream =>
        {
            using var surface = SKSurface.Create(new SKImageInfo(figure.Width, figure.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
            DrawOn(surface.Canvas, run, figure);
            using var image = surface.Snapshot();
            using var data = image.Encode(SKEncodedImageFormat.Png, 100);
            data.SaveTo(stream);
        });
        WriteAtomic(svg, stream =>
        {
            using var canvas = SKSvgCanvas.Create(SKRect.Create(figure.Width, figure.Height), stream);
            DrawOn(canvas, run, figure);
        });
        return [png, svg];
    }

    static void DrawOn(SKCanvas canvas, FinishedRun run, FigureHook figure)
    {
        canvas.Clear(SKColors.White);
        var models = run.Summary.Models.Select(m => m.Name).ToList();
        figure.Draw(new FigureContext(run, canvas, figure.Width, figure.Height, EmbeddedFonts.Regular, EmbeddedFonts.Bold, model =>
        {
            var c = Palette.ForModel(Math.Max(0, models.IndexOf(model)));
            return new SKColor(c.R, c.G, c.B, c.A);
        }));
    }

    static void WriteAtomic(string path, Action<Stream> write)
    {
        string tmp = path + ".tmp-" + Environment.ProcessId;
        try
        {
            using (var stream = File.Create(tmp)) write(stream);
            File.Move(tmp, path, overwrite: true);
        }
        finally { if (File.Exists(tmp)) File.Delete(tmp); }
    }
}
