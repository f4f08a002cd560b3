namespace Cnnexp.Spec.Diagnostics;

public enum Severity { Error, Warning }

/// <summary>One problem found in a spec: where, what, and how to fix it.</summary>
/// <param name="Code">Stable identifier such as <c>unknown-key</c>, for tests and documentation.</param>
/// <param name="Hint">A suggested fix ("did you mean `maxpool2d`?"), or null.</param>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceSpan? Where, string? Hint = null)
{
    public bool IsError => Severity == Severity.Error;

    public static Diagnostic Error(string code, string message, SourceSpan? where, string? hint = null) =>
        new(Severity.Error, code, message, where, hint);
}
