using System.Text;
using Cnnexp.Figures;
using Cnnexp.Figures.Report;

namespace Cnnexp.Interactive;

/// <summary>
/// A finished run, read from its directory alone (as figures and reports are): the results table with each
/// model's 95% interval, the paired comparisons with their verdicts, what failed, and the figures inline as
/// PNG data URIs. The cells are the report's (<see cref="StatisticsRows"/>), so notebook and report.html agree.
/// </summary>
static class RunView
{
    /// <param name="pngs">The figures to show (built-in ones in the report's order, then the others as given); null: every PNG in DIR/figures.</param>
    public static string Render(string dir, IEnumerable<string>? pngs = null, IReadOnlyList<string>? failures = null)
    {
        var run = RunData.Load(dir);
        var s = run.Summary;
        var h = new StringBuilder();
        h.Append($"<p><b>{Html.E(s.Name)}</b>: {Html.E(s.Dataset)}, seeds {Html.E(string.Join(", ", s.Seeds))}; ")
         .Append($"run directory <code>{Html.E(dir)}</code></p>\n");
        Html.Table(h, "cnnexp-results", StatisticsRows.Headers, StatisticsRows.Rows(s), numericFrom: 1);
        foreach (var line in StatisticsRows.Adaptive(s)) h.Append($"<p>{Html.E(line.Replace("`", ""))}</p>\n");
        foreach (var verdict in StatisticsRows.Verdicts(s)) h.Append($"<p class=\"verdict\">{Html.E(verdict)}</p>\n");
        var comparisons = StatisticsRows.Comparisons(s);
        if (comparisons.Count > 0) Html.Table(h, "cnnexp-comparisons", StatisticsRows.ComparisonHeaders(s), comparisons, numericFrom: 1);
        if (failures is { Count: > 0 })
        {
            h.Append("<p><b>Failed without stopping the run:</b></p>\n<ul>\n");
            foreach (var f in failures) h.Append($"<li><code>{Html.E(f)}</code></li>\n");
            h.Append("</ul>\n");
        }
        foreach (var png in pngs?.Where(p => p.EndsWith(".png", StringComparison.Ordinal)).OrderBy(CatalogIndex) ?? FiguresOf(dir))
            h.Append(FigureView.Of(run, png).Html());
        return Html.View("run", h);
    }

    /// <summary>DIR/figures/*.png: built-in figures in the report's order, then hook figures by name.</summary>
    static IEnumerable<string> FiguresOf(string dir)
    {
        string figures = Path.Combine(dir, Results.RunFiles.FiguresDir);
        if (!Directory.Exists(figures)) return [];
        return Directory.GetFiles(figures, "*.png").OrderBy(CatalogIndex).ThenBy(f => f, StringComparer.Ordinal);
    }

    static int CatalogIndex(string png)
    {
        int i = FigureCatalog.Names.ToList().IndexOf(Path.GetFileNameWithoutExtension(png));
        return i >= 0 ? i : int.MaxValue;
    }
}
