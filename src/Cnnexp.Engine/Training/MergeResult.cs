using Cnnexp.Results;

namespace Cnnexp.Engine.Training;

/// <summary>The merged summary of a run directory and the units not (yet) finished.</summary>
public sealed record MergeResult(RunSummary Summary, IReadOnlyList<LedgerEntry> Missing);
