using System.Net;
using System.Text;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Figures.Report;

/// <summary>report.html: one self-contained page (figures as data URIs, inline CSS, no script, no network).</summary>
public static class HtmlReport
{
    public static string Render(ReportContent c)
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
         .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
         .Append($"<title>cnnexp report: {E(c.Summary.Name)}</title>\n<style>\n{Css}</style>\n</head>\n<body>\n<main>\n");
        h.Append($"<h1>{E(c.Summary.Name)}</h1>\n");
        if (c.Summary.Description is { Length: > 0 } d) h.Append($"<p class=\"lead\">{E(d)}</p>\n");
        h.Append($"<p class=\"meta\">{E(c.Facts())}</p>\n");
        h.Append("<nav><a href=\"#results\">Results</a> · <a href=\"#figures\">Figures</a> · <a href=\"#models\">Models</a> · ")
         .Append("<a href=\"#spec\">Spec</a> · <a href=\"#manifest\">Manifest</a></nav>\n");
        Results(h, c);
        Figures(h, c);
        Models(h, c);
        h.Append("<section id=\"spec\">\n<h2>Spec</h2>\n<p>The resolved spec as the run used it (every default filled in): <code>spec.resolved.yaml</code>.</p>\n")
         .Append($"<pre>{E(c.Run.SpecText ?? "(spec.resolved.yaml is missing)")}</pre>\n</section>\n");
        Manifest(h, c);
        h.Append("<footer>Written by cnnexp from the run directory alone; <code>cnnexp report DIR</code> writes it again.</footer>\n");
        return h.Append("</main>\n</body>\n</html>\n").ToString();
    }

    static void Results(StringBuilder h, ReportContent c)
    {
        h.Append("<section id=\"results\">\n<h2>Results</h2>\n");
        h.Append("<table id=\"statistics\">\n<thead><tr>");
        foreach (var head in StatisticsRows.Headers) h.Append($"<th>{E(head)}</th>");
        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in StatisticsRows.Rows(c.Summary))
        {
            string color = c.Run.ColorOf(row[0]).ToHex();
            h.Append($"<tr><td><span class=\"swatch\" style=\"background:{color}\"></span>{E(row[0])}</td>");
            foreach (var cell in row.Skip(1)) h.Append($"<td class=\"num\">{E(cell)}</td>");
            h.Append("</tr>\n");
        }
        h.Append("</tbody>\n</table>\n");
        var comparisons = StatisticsRows.Comparisons(c.Summary);
        if (comparisons.Count > 0)
        {
            h.Append("<h3>Paired comparisons</h3>\n");
            foreach (var line in StatisticsRows.Adaptive(c.Summary)) h.Append($"<p>{E(line.Replace("`", ""))}</p>\n");
            foreach (var verdict in StatisticsRows.Verdicts(c.Summary)) h.Append($"<p class=\"verdict\">{E(verdict)}</p>\n");
            Table(h, "comparisons", StatisticsRows.ComparisonHeaders(c.Summary), comparisons);
        }
        else if (c.Summary.Models.Count > 1)
            h.Append("<p class=\"verdict\">summary.json holds no paired comparison of these models.</p>\n");
        if (c.Summary.Checks.Count > 0)
        {
            h.Append("<h3>Checks</h3>\n");
            Table(h, "checks", ["check", "value", "status"], c.Checks());
        }
        h.Append("</section>\n");
    }

    static void Figures(StringBuilder h, ReportContent c)
    {
        h.Append("<section id=\"figures\">\n<h2>Figures</h2>\n");
        int n = 0;
        foreach (var f in c.Figures.Drawn)
        {
            string data = Convert.ToBase64String(File.ReadAllBytes(f.Png));
            h.Append($"<figure id=\"figure-{E(f.Name)}\">\n<img src=\"data:image/png;base64,{data}\" width=\"{f.Width}\" height=\"{f.Height}\" alt=\"{E(f.Title)}\">\n")
             .Append($"<figcaption><b>Figure {++n}. {E(f.Title)}.</b> {E(f.Caption)} <span class=\"files\">figures/{E(f.Name)}.png, .svg</span></figcaption>\n</figure>\n");
        }
        if (c.Figures.Skipped.Count > 0)
        {
            h.Append("<p>Not drawn:</p>\n<ul>\n");
            foreach (var s in c.Figures.Skipped) h.Append($"<li><code>{E(s.Name)}</code>: {E(s.Reason)}</li>\n");
            h.Append("</ul>\n");
        }
        h.Append("</section>\n");
    }

    static void Models(StringBuilder h, ReportContent c)
    {
        h.Append("<section id=\"models\">\n<h2>Models</h2>\n");
        if (c.Run.Plan is null) h.Append("<p>spec.resolved.yaml is missing or does not plan: no layer tables.</p>\n");
        foreach (var model in c.Run.Plan?.Models ?? [])
        {
            string color = c.Run.ColorOf(model.Name).ToHex();
            var diff = c.Diffs.FirstOrDefault(d => d.Model == model.Name);
            h.Append($"<h3><span class=\"swatch\" style=\"background:{color}\"></span>{E(model.Name)}")
             .Append(diff is null ? "" : $" <small>closest to {E(diff.Base)}</small>").Append("</h3>\n");
            var rows = LayerTable.Rows(model).Select(r => new[] { r.Name, r.Kind, r.Settings, LayerTable.Shape(r.Input), LayerTable.Shape(r.Output), StatisticsRows.N(r.Parameters), StatisticsRows.N(r.Macs) }).ToList();
            rows.Add(["total", "", "", "", "", StatisticsRows.N(model.Parameters), StatisticsRows.N(model.Macs)]);
            Table(h, null, ["layer", "kind", "settings", "input", "output", "parameters", "MACs"], rows, numericFrom: 5);
            if (diff is not null)
            {
                h.Append($"<p>Difference from <b>{E(diff.Base)}</b>, the earlier model it is closest to (resolved YAML; ")
                 .Append($"<span class=\"del\">− {E(diff.Base)}</span>, <span class=\"add\">+ {E(diff.Model)}</span>):</p>\n");
                h.Append("<pre class=\"diff\">");
                foreach (var line in diff.Lines)
                    h.Append(line.Kind switch { '+' => "<span class=\"add\">+ ", '-' => "<span class=\"del\">− ", _ => "<span>  " })
                     .Append(E(line.Text)).Append("</span>");
                h.Append("</pre>\n");
                if (!YamlDiff.HasChanges(diff.Lines)) h.Append("<p>(identical to its base after resolution)</p>\n");
            }
        }
        h.Append("</section>\n");
    }

    static void Manifest(StringBuilder h, ReportContent c)
    {
        h.Append("<section id=\"manifest\">\n<h2>Manifest</h2>\n");
        h.Append(c.Manifest is null ? "<p>This run directory has no manifest.json.</p>\n" : $"<pre>{E(c.Manifest)}</pre>\n");
        h.Append($"<details open>\n<summary>Files of the run directory ({c.Files.Count})</summary>\n");
        Table(h, "files", ["file", "bytes", "SHA-256"], c.Files.Select(f => new[] { f.Path, StatisticsRows.N(f.Bytes), f.Sha256 }).ToList(), numericFrom: 1);
        h.Append("</details>\n");
        h.Append("</section>\n");
    }

    static void Table(StringBuilder h, string? id, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows, int numericFrom = int.MaxValue)
    {
        h.Append(id is null ? "<table>\n" : $"<table id=\"{id}\">\n").Append("<thead><tr>");
        foreach (var head in headers) h.Append($"<th>{E(head)}</th>");
        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            h.Append("<tr>");
            for (int i = 0; i < row.Length; i++) h.Append(i >= numericFrom ? "<td class=\"num\">" : "<td>").Append(E(row[i])).Append("</td>");
            h.Append("</tr>\n");
        }
        h.Append("</tbody>\n</table>\n");
    }

    static string E(string s) => WebUtility.HtmlEncode(s);

    const string Css = """
        :root { color-scheme: light; }
        body { margin: 0; background: #f2f2f2; color: #222; font: 15px/1.5 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1260px; margin: 0 auto; padding: 28px 36px 60px; background: #fff; }
        h1 { font-size: 30px; margin: 0 0 4px; }
        h2 { font-size: 22px; margin: 40px 0 12px; padding-bottom: 4px; border-bottom: 2px solid #ddd; }
        h3 { font-size: 18px; margin: 28px 0 8px; }
        h3 small { font-weight: normal; color: #666; }
        .lead { font-size: 17px; margin: 0; }
        .meta, nav, footer, .files { color: #666; font-size: 14px; }
        nav a { color: #0072B2; }
        table { border-collapse: collapse; margin: 10px 0 16px; font-size: 14px; }
        th, td { padding: 6px 10px; border-bottom: 1px solid #e4e4e4; text-align: left; vertical-align: top; }
        th { background: #f4f4f4; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        #files td:last-child { font-family: "DejaVu Sans Mono", monospace; font-size: 12px; }
        .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 7px; border-radius: 2px; vertical-align: -1px; }
        .verdict { font-size: 16px; margin: 10px 0; padding: 10px 14px; border-left: 4px solid #0072B2; background: #f1f7fb; }
        figure { margin: 28px 0; }
        figure img { display: block; max-width: 100%; height: auto; border: 1px solid #e8e8e8; }
        figcaption { max-width: 1000px; margin-top: 8px; font-size: 14px; color: #333; }
        pre { background: #f7f7f7; padding: 12px 14px; overflow-x: auto; font-size: 13px; line-height: 1.45; }
        .diff span { display: block; }
        .add { background: #e3f8e8; }
        .del { background: #fde8e7; }
        summary { cursor: pointer; margin: 12px 0 4px; }
        footer { margin-top: 48px; }

        """;
}
