using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Planning;

namespace Cnnexp;

/// <summary>A plan (null when the spec has errors) and every diagnostic found while planning (hook compile errors included).</summary>
public sealed record PlanResult(ExperimentPlan? Plan, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyDictionary<string, string> Sources)
{
    public bool Ok => Plan is not null && !Diagnostics.Any(d => d.IsError);
    public string FormatDiagnostics() => DiagnosticFormatter.FormatAll(Diagnostics, SourceTexts.Complete(Diagnostics, Sources));
}
