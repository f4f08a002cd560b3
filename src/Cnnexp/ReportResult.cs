using Cnnexp.Results;

namespace Cnnexp;

/// <summary>A report rebuilt from a run directory: the merged summary, the units still missing, the figures drawn.</summary>
public sealed record ReportResult(string RunDir, RunSummary Summary, IReadOnlyList<LedgerEntry> Missing, IReadOnlyList<string> Figures);
