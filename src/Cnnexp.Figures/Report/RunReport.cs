using Cnnexp.Results;

namespace Cnnexp.Figures.Report;

/// <summary>What <see cref="RunReport.Write"/> produced.</summary>
public sealed record ReportFiles(string Html, string Markdown, FigureSet Figures);

/// <summary>
/// Figures → report: draws the run's figures and writes report.html (self-contained) and report.md.
/// `cnnexp run` calls it at the end, `cnnexp report DIR` calls it on a finished run: same input, same output.
/// </summary>
public static class RunReport
{
    public const string HtmlFile = "report.html";
    public const string MarkdownFile = "report.md";

    /// <summary>
    /// Draws <paramref name="figures"/> (null: those listed under `figures:` in spec.resolved.yaml,
    /// or every figure that applies) and writes both reports into <paramref name="runDir"/>.
    /// </summary>
    public static ReportFiles Write(string runDir, IReadOnlyList<string>? figures = null)
    {
        var run = RunData.Load(runDir);
        var set = FigureRenderer.Render(run, figures ?? run.Plan?.Spec.Figures);
        var content = ReportContent.Gather(run, set, [HtmlFile, MarkdownFile]);
        string html = Path.Combine(runDir, HtmlFile), md = Path.Combine(runDir, MarkdownFile);
        RunFiles.WriteAtomic(html, HtmlReport.Render(content));
        RunFiles.WriteAtomic(md, MarkdownReport.Render(content, runDir));
        return new ReportFiles(html, md, set);
    }
}
