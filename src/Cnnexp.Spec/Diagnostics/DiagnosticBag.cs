namespace Cnnexp.Spec.Diagnostics;

/// <summary>Collects every problem of a pass so users see them all at once.</summary>
public sealed class DiagnosticBag
{
    readonly List<Diagnostic> items = [];

    public IReadOnlyList<Diagnostic> Items => items;
    public bool HasErrors => items.Exists(d => d.IsError);

    /// <summary>Adds a diagnostic unless the same one (code, message, place) is already there.</summary>
    public void Add(Diagnostic diagnostic)
    {
        if (!items.Contains(diagnostic)) items.Add(diagnostic);
    }

    public void Error(string code, string message, SourceSpan? where, string? hint = null) =>
        Add(Diagnostic.Error(code, message, where, hint));

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) Add(d);
    }
}
