using Cnnexp.Figures.Report;
using Cnnexp.Results;

namespace Cnnexp;

/// <summary>A report rebuilt from a run directory: the merged summary, the units still missing, the figures drawn.</summary>
public sealed record ReportResult(string RunDir, RunSummary Summary, IReadOnlyList<LedgerEntry> Missing, IReadOnlyList<string> Figures)
{
    /// <summary>report.html in the run directory.</summary>
    public string HtmlFile => Path.Combine(RunDir, RunReport.HtmlFile);

    /// <summary>report.md in the run directory.</summary>
    public string MarkdownFile => Path.Combine(RunDir, RunReport.MarkdownFile);
}
