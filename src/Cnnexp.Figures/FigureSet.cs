namespace Cnnexp.Figures;

/// <summary>One drawn figure: its name, title, caption and files (paths inside the run directory).</summary>
public sealed record FigureFile(string Name, string Title, string Caption, string Png, string Svg, int Width, int Height);

/// <summary>A figure that was asked for but cannot be drawn from this run, and why.</summary>
public sealed record FigureSkip(string Name, string Reason);

/// <summary>What <see cref="FigureRenderer.Render"/> produced.</summary>
public sealed record FigureSet(IReadOnlyList<FigureFile> Drawn, IReadOnlyList<FigureSkip> Skipped)
{
    /// <summary>Every file written, PNG and SVG.</summary>
    public IReadOnlyList<string> Files => Drawn.SelectMany(f => new[] { f.Png, f.Svg }).ToList();
}
