namespace Cnnexp.Hooks;

/// <summary>
/// A script refuses its `args` or its input shape. cnnexp reports it like a spec error, at the line
/// of the `- script:` entry (or of the named arg), and trains nothing.
/// </summary>
public sealed class HookArgumentException(string message, string? key = null, string? hint = null) : Exception(message)
{
    /// <summary>The arg the problem is about (its YAML line is shown), or null for the entry as a whole.</summary>
    public string? Key { get; } = key;

    /// <summary>How to fix it, or null.</summary>
    public string? Hint { get; } = hint;
}
