using System.Text;
using Cnnexp.Figures;

namespace Cnnexp.Interactive;

/// <summary>
/// One figure of a run, shown in a notebook as its PNG (inline, as a data URI) with its title and caption.
/// <see cref="Figure.Show(string, string)"/> makes one; a finished run's display shows all of them.
/// </summary>
/// <param name="Png">The PNG file in the run directory; an SVG of the same name lies beside a built-in figure.</param>
public sealed record FigureView(string Name, string Title, string Caption, string Png)
{
    /// <summary>The figure element: the picture and its caption.</summary>
    public string Html() =>
        $"<figure id=\"figure-{Interactive.Html.E(Name)}\">\n<img src=\"{Interactive.Html.PngDataUri(Png)}\" alt=\"{Interactive.Html.E(Title)}\">\n" +
        $"<figcaption><b>{Interactive.Html.E(Title)}.</b> {Interactive.Html.E(Caption)}</figcaption>\n</figure>\n";

    /// <summary>The figure element in the package's style sheet, as a notebook cell shows it.</summary>
    public string Page() => Interactive.Html.View("figure", new StringBuilder(Html()));

    internal static FigureView Of(FigureFile f) => new(f.Name, f.Title, f.Caption, f.Png);

    /// <summary>A PNG of the run's figures folder: a built-in figure gets its title and caption, a hook figure its name.</summary>
    internal static FigureView Of(RunData run, string png)
    {
        string name = Path.GetFileNameWithoutExtension(png);
        return FigureCatalog.Find(name) is { } figure
            ? new FigureView(name, figure.Title(run), figure.Caption, png)
            : new FigureView(name, name, "", png);
    }
}
