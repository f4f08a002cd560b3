namespace Cnnexp.Spec.Diagnostics;

/// <summary>A place in a spec file; line and column are 1-based.</summary>
public sealed record SourceSpan(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
