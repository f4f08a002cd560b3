using Cnnexp.Spec.Diagnostics;

namespace Cnnexp.Spec.Yaml;

/// <summary>
/// Turns the YAML parser's terse syntax errors into diagnostics that say what to do: an unclosed
/// <c>{</c> or <c>[</c> is reported where it was opened (the parser only notices at the end of the
/// file), and block-structure errors get an indentation hint.
/// </summary>
static class SyntaxError
{
    public static Diagnostic Explain(string text, string file, string message, SourceSpan where, int index)
    {
        if (message.Contains("flow mapping") || message.Contains("flow sequence"))
        {
            if (Unclosed(text, Math.Min(index, text.Length)) is int open)
            {
                var (line, col) = YamlReader.LineColumn(text, open);
                char close = text[open] == '{' ? '}' : ']';
                return Diagnostic.Error("yaml-syntax", $"this `{text[open]}` is never closed", new SourceSpan(file, line, col),
                    $"add the missing `{close}`");
            }
            return Diagnostic.Error("yaml-syntax", message, where, "check the commas and brackets of this `{ ... }` or `[ ... ]`");
        }
        if (message.Contains("did not find expected key") || message.Contains("did not find expected '-' indicator")
            || message.Contains("did not find expected <document start>"))
            return Diagnostic.Error("yaml-syntax", $"bad indentation: {message}", where,
                "keys of one mapping, and the `-` items of one list, must start in the same column as their siblings");
        if (message.Contains("mapping values are not allowed"))
            return Diagnostic.Error("yaml-syntax", message, where, "a value holding `: ` must be quoted, and a nested mapping starts on a new, indented line");
        return Diagnostic.Error("yaml-syntax", message, where, "check the indentation and the `key: value` form of this line and the one above");
    }

    /// <summary>The index of the innermost `{` or `[` left open before <paramref name="end"/>, skipping quotes and comments.</summary>
    static int? Unclosed(string text, int end)
    {
        var open = new Stack<int>();
        char quote = '\0';
        for (int i = 0; i < end; i++)
        {
            char c = text[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            switch (c)
            {
                case '"' or '\'': quote = c; break;
                case '#' when i == 0 || char.IsWhiteSpace(text[i - 1]):
                    while (i < end && text[i] != '\n') i++;
                    break;
                case '{' or '[': open.Push(i); break;
                case '}' or ']' when open.Count > 0: open.Pop(); break;
            }
        }
        return open.Count > 0 ? open.Peek() : null;
    }
}
