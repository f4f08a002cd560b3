namespace Cnnexp.Spec.Diagnostics;

/// <summary>Collects every problem of a pass so users see them all at once.</summary>
public sealed class DiagnosticBag
{
    readonly List<Diagnostic> items = [];

    public IReadOnlyList<Diagnostic> Items => items;
    public bool HasErrors => items.Exists(d => d.IsError);

    public void Add(Diagnostic diagnostic) => items.Add(diagnostic);

    public void Error(string code, string message, SourceSpan? where, string? hint = null) =>
        items.Add(Diagnostic.Error(code, message, where, hint));

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => items.AddRange(diagnostics);
}
