using System.Text;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Figures.Report;

/// <summary>report.md: the same report for a repository; figures are linked (figures/NAME.png), not embedded.</summary>
public static class MarkdownReport
{
    public static string Render(ReportContent c, string runDir)
    {
        var m = new StringBuilder();
        m.Append($"# {c.Summary.Name}\n\n");
        if (c.Summary.Description is { Length: > 0 } d) m.Append($"{d}\n\n");
        m.Append($"{c.Facts()}\n\n## Results\n\n");
        Table(m, StatisticsRows.Headers, StatisticsRows.Rows(c.Summary));
        var comparisons = StatisticsRows.Comparisons(c.Summary);
        if (comparisons.Count > 0)
        {
            m.Append("### Paired comparisons\n\n");
            foreach (var line in StatisticsRows.Adaptive(c.Summary)) m.Append($"{line}\n\n");
            foreach (var verdict in StatisticsRows.Verdicts(c.Summary)) m.Append($"> {verdict}\n\n");
            Table(m, StatisticsRows.ComparisonHeaders(c.Summary), comparisons);
        }
        if (c.Summary.Checks.Count > 0)
        {
            m.Append("### Checks\n\n");
            Table(m, ["check", "value", "status"], c.Checks());
        }
        m.Append("## Figures\n\n");
        int n = 0;
        foreach (var f in c.Figures.Drawn)
        {
            string rel = Path.GetRelativePath(runDir, f.Png).Replace('\\', '/');
            m.Append($"### Figure {++n}. {f.Title}\n\n![{f.Title}]({rel})\n\n{f.Caption}\n\n");
        }
        foreach (var s in c.Figures.Skipped) m.Append($"- not drawn: `{s.Name}`: {s.Reason}\n");
        if (c.Figures.Skipped.Count > 0) m.Append('\n');
        Models(m, c);
        m.Append("## Spec\n\n```yaml\n").Append(c.Run.SpecText ?? "(spec.resolved.yaml is missing)\n").Append("```\n\n");
        m.Append("## Manifest\n\n");
        if (c.Manifest is not null) m.Append("```json\n").Append(c.Manifest.TrimEnd()).Append("\n```\n\n");
        Table(m, ["file", "bytes", "SHA-256"], c.Files.Select(f => new[] { f.Path, StatisticsRows.N(f.Bytes), $"`{f.Sha256}`" }).ToList());
        return m.ToString();
    }

    static void Models(StringBuilder m, ReportContent c)
    {
        m.Append("## Models\n\n");
        foreach (var model in c.Run.Plan?.Models ?? [])
        {
            var diff = c.Diffs.FirstOrDefault(x => x.Model == model.Name);
            m.Append($"### {model.Name}{(diff is null ? "" : $" (closest to {diff.Base})")}\n\n");
            var rows = LayerTable.Rows(model).Select(r => new[] { r.Name, r.Kind, r.Settings, LayerTable.Shape(r.Input), LayerTable.Shape(r.Output), StatisticsRows.N(r.Parameters), StatisticsRows.N(r.Macs) }).ToList();
            rows.Add(["**total**", "", "", "", "", $"**{StatisticsRows.N(model.Parameters)}**", $"**{StatisticsRows.N(model.Macs)}**"]);
            Table(m, ["layer", "kind", "settings", "input", "output", "parameters", "MACs"], rows);
            if (diff is null) continue;
            m.Append($"Difference from `{diff.Base}`, the earlier model it is closest to (resolved YAML):\n\n```diff\n");
            foreach (var line in diff.Lines) m.Append(line.Kind).Append(' ').Append(line.Text).Append('\n');
            m.Append("```\n\n");
        }
    }

    static void Table(StringBuilder m, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        m.Append("| ").Append(string.Join(" | ", headers.Select(Cell))).Append(" |\n");
        m.Append('|').Append(string.Join("|", headers.Select(_ => "---"))).Append("|\n");
        foreach (var row in rows) m.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
        m.Append('\n');
    }

    static string Cell(string s) => s.Replace("|", "\\|").Replace("\n", " ");
}
