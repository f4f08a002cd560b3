namespace Cnnexp.Figures;

/// <summary>Draws the figures of a finished run from its directory alone (no training, no TorchSharp).</summary>
public static class FigureRenderer
{
    /// <summary>
    /// Renders the named figures (null: every figure that applies) into DIR/figures as PNG and SVG.
    /// A figure named explicitly that cannot be drawn is reported in <see cref="FigureSet.Skipped"/>.
    /// </summary>
    public static FigureSet Render(string runDir, IReadOnlyList<string>? figures = null) => Render(RunData.Load(runDir), figures);

    public static FigureSet Render(RunData run, IReadOnlyList<string>? figures = null)
    {
        EmbeddedFonts.InstallForScottPlot();
        var unknown = figures?.Where(n => FigureCatalog.Find(n) is null).ToList() ?? [];
        if (unknown.Count > 0)
            throw new ArgumentException($"unknown figure(s): {string.Join(", ", unknown)}; known: {string.Join(", ", FigureCatalog.Names)}");
        string dir = Path.Combine(run.Dir, Results.RunFiles.FiguresDir);
        var drawn = new List<FigureFile>();
        var skipped = new List<FigureSkip>();
        foreach (var figure in FigureCatalog.All.Where(f => figures is null || figures.Contains(f.Name)))
        {
            if (figure.Skip(run) is string reason) skipped.Add(new FigureSkip(figure.Name, reason));
            else drawn.Add(FigureWriter.Write(figure, run, dir));
        }
        return new FigureSet(drawn, skipped);
    }
}
