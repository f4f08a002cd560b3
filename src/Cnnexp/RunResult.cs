using Cnnexp.Results;

namespace Cnnexp;

/// <summary>What a finished run produced: its directory, summary and figure files.</summary>
public sealed record RunResult(string OutDir, RunSummary Summary, IReadOnlyList<string> Figures);
