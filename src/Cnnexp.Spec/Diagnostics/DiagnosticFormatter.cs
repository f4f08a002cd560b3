using System.Text;

namespace Cnnexp.Spec.Diagnostics;

/// <summary>
/// Renders diagnostics the way compilers do: <c>file:line:col: error: message</c>, the source
/// line, a caret under the column, and the hint.
/// </summary>
public static class DiagnosticFormatter
{
    /// <param name="sources">Source text by file name, to quote the offending line.</param>
    public static string Format(Diagnostic d, IReadOnlyDictionary<string, string>? sources = null)
    {
        var sb = new StringBuilder();
        string severity = d.IsError ? "error" : "warning";
        if (IsCompilerCode(d.Code)) severity += " " + d.Code;           // C# hooks: `error CS0103: ...`, as compilers print it
        sb.Append(d.Where is null ? $"{severity}: {d.Message}" : $"{d.Where}: {severity}: {d.Message}");
        string? line = d.Where is null ? null : SourceLine(sources, d.Where);
        if (line is not null)
        {
            string gutter = $"{d.Where!.Line,5} | ";
            sb.Append('\n').Append(gutter).Append(line);
            sb.Append('\n').Append(new string(' ', gutter.Length - 2)).Append("| ")
              .Append(new string(' ', Math.Max(0, d.Where.Column - 1))).Append('^');
        }
        if (d.Hint is not null) sb.Append("\n  hint: ").Append(d.Hint);
        return sb.ToString();
    }

    public static string FormatAll(IEnumerable<Diagnostic> diagnostics, IReadOnlyDictionary<string, string>? sources = null)
    {
        var list = diagnostics.ToList();
        var sb = new StringBuilder();
        foreach (var d in list) sb.Append(Format(d, sources)).Append("\n\n");
        int errors = list.Count(d => d.IsError);
        sb.Append(errors == 1 ? "1 error" : $"{errors} errors");
        int warnings = list.Count - errors;
        if (warnings > 0) sb.Append(warnings == 1 ? ", 1 warning" : $", {warnings} warnings");
        return sb.ToString();
    }

    /// <summary>A C# compiler diagnostic id such as <c>CS0103</c>.</summary>
    static bool IsCompilerCode(string code) => code.Length > 2 && code.StartsWith("CS", StringComparison.Ordinal) && code[2..].All(char.IsAsciiDigit);

    static string? SourceLine(IReadOnlyDictionary<string, string>? sources, SourceSpan where)
    {
        if (sources is null || !sources.TryGetValue(where.File, out var text)) return null;
        var lines = text.Split('\n');
        if (where.Line < 1 || where.Line > lines.Length) return null;
        return lines[where.Line - 1].TrimEnd('\r');
    }
}
