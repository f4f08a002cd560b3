using Cnnexp.Results;
using Cnnexp.Spec.Diagnostics;

namespace Cnnexp;

/// <summary>
/// What a run produced: its directory, summary, metrics and figure files, as plain records. When the
/// spec was refused (invalid, a hook that does not compile, --no-hooks), <see cref="Summary"/> is null,
/// nothing was trained and <see cref="Diagnostics"/> says why.
/// </summary>
public sealed record RunResult(string OutDir, RunSummary? Summary, IReadOnlyList<string> Figures)
{
    /// <summary>Every metrics.csv row (all models, seeds, epochs), custom metric columns included.</summary>
    public IReadOnlyList<EpochMetrics> Metrics { get; init; } = [];

    /// <summary>Why the spec was refused; empty after a run.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Texts of the files the diagnostics point into (scripts), to quote their lines.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    /// <summary>What failed without stopping the run: a model/seed that threw (e.g. in a hook), a hook at run end or in a figure.</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];

    /// <summary>How the hooks were loaded, e.g. "1 hook script: 1 from the cache (0.01 s)"; null without hooks.</summary>
    public string? Hooks { get; init; }

    /// <summary>True when every model and seed trained and nothing failed.</summary>
    public bool Ok => Summary is not null && Failures.Count == 0 && !Diagnostics.Any(d => d.IsError);

    /// <summary>The diagnostics as a compiler prints them: <c>file:line:col: error: …</c>, the line and a caret.</summary>
    public string FormatDiagnostics() => DiagnosticFormatter.FormatAll(Diagnostics, SourceTexts.Complete(Diagnostics, Sources));
}
