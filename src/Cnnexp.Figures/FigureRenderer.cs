using Cnnexp.Results;

namespace Cnnexp.Figures;

/// <summary>Draws the figures of a finished run from its directory alone (no training, no TorchSharp).</summary>
public static class FigureRenderer
{
    /// <summary>Renders the named figures (null: all) into DIR/figures and returns the files written.</summary>
    public static IReadOnlyList<string> Render(string runDir, IReadOnlyList<string>? figures = null)
    {
        var summary = RunFiles.ReadJson<RunSummary>(Path.Combine(runDir, RunFiles.Summary));
        var metrics = MetricsCsv.Read(Path.Combine(runDir, RunFiles.Metrics));
        string dir = Path.Combine(runDir, RunFiles.FiguresDir);
        Directory.CreateDirectory(dir);
        var written = new List<string>();
        var models = summary.Models.Select(m => m.Name).ToList();
        if (figures is null || figures.Contains("loss"))
        {
            string path = Path.Combine(dir, LossFigure.FileName);
            LossFigure.Draw(metrics, models, path);
            written.Add(path);
        }
        return written;
    }
}
