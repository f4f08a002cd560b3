namespace Cnnexp.Spec.Limits;

/// <summary>
/// Names that become folders (the experiment's under <c>runs/</c>, each model's under <c>units/</c>)
/// must stay one folder: no separators, no <c>..</c>, no control characters, and a sane length.
/// </summary>
public static class SafeName
{
    public const int MaxLength = 100;

    /// <summary>For <see cref="Binding.FieldAttribute.Pattern"/>: the same rule as <see cref="Problem"/>.</summary>
    public const string Pattern = @"(?!\.)[^/\\:*?""<>|\x00-\x1f]{1,100}";

    public const string PatternHint = "a name becomes a folder: up to 100 characters, not starting with `.`, without `/ \\ : * ? \" < > |` or control characters";

    public const string Hint = "use letters, digits, `-` and `_`, e.g. `sumfirst_v2`";

    /// <summary>What is wrong with <paramref name="name"/> as a folder name, or null when nothing is.</summary>
    public static string? Problem(string name) =>
        name.Length == 0 ? "is empty"
        : name.Length > MaxLength ? $"is longer than {MaxLength} characters"
        : name.StartsWith('.') ? "starts with `.`, which makes a hidden or parent folder"
        : name.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|']) >= 0 ? "holds a path character (one of / \\ : * ? \" < > |)"
        : name.Any(char.IsControl) ? "holds a control character"
        : null;

    /// <summary>
    /// The narrower rule for generated names (a swept variant's, e.g. <c>b[conv1.out=8]</c>): still one
    /// folder on Linux, within its 255-byte limit.
    /// </summary>
    public static string? FolderProblem(string name) =>
        System.Text.Encoding.UTF8.GetByteCount(name) > 200 ? "is longer than 200 bytes"
        : name.IndexOfAny(['/', '\\']) >= 0 ? "holds a path separator"
        : name.Any(char.IsControl) ? "holds a control character"
        : null;

    /// <summary>The name as it can be printed: control characters escaped, and cut short.</summary>
    public static string Show(string name)
    {
        var shown = string.Concat(name.Take(60).Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return name.Length > 60 ? shown + "…" : shown;
    }
}
