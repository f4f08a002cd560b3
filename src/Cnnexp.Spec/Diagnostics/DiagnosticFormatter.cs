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
            var (shown, caret) = Window(line, Math.Max(0, d.Where!.Column - 1));
            string gutter = $"{d.Where.Line,5} | ";
            sb.Append('\n').Append(gutter).Append(shown);
            sb.Append('\n').Append(new string(' ', gutter.Length - 2)).Append("| ")
              .Append(new string(' ', caret)).Append('^');
        }
        if (d.Hint is not null) sb.Append("\n  hint: ").Append(d.Hint);
        return sb.ToString();
    }

    /// <summary>Diagnostics printed in full; a broken generated file can hold thousands, and the rest are counted.</summary>
    public const int MaxShown = 50;

    /// <summary>Characters of a source line shown around the caret.</summary>
    const int Width = 100;

    /// <summary>Every diagnostic (an error shared by several models or variants once), then the counts.</summary>
    public static string FormatAll(IEnumerable<Diagnostic> diagnostics, IReadOnlyDictionary<string, string>? sources = null)
    {
        var list = VariantMerger.Merge(diagnostics.ToList());      // the same error in several variants, once
        var sb = new StringBuilder();
        foreach (var d in list.Take(MaxShown)) sb.Append(Format(d, sources)).Append("\n\n");
        if (list.Count > MaxShown) sb.Append($"… and {list.Count - MaxShown} more not shown\n\n");
        int errors = list.Count(d => d.IsError);
        sb.Append(errors == 1 ? "1 error" : $"{errors} errors");
        int warnings = list.Count - errors;
        if (warnings > 0) sb.Append(warnings == 1 ? ", 1 warning" : $", {warnings} warnings");
        return sb.ToString();
    }

    /// <summary>A C# compiler diagnostic id such as <c>CS0103</c>.</summary>
    static bool IsCompilerCode(string code) => code.Length > 2 && code.StartsWith("CS", StringComparison.Ordinal) && code[2..].All(char.IsAsciiDigit);

    /// <summary>
    /// At most <see cref="Width"/> characters of <paramref name="line"/> around <paramref name="column"/>
    /// (0-based), control characters shown as `?`, and the caret's place in what is shown.
    /// </summary>
    static (string Shown, int Caret) Window(string line, int column)
    {
        column = Math.Min(column, line.Length);
        int start = line.Length <= Width ? 0 : Math.Clamp(column - Width / 2, 0, line.Length - Width);
        int end = Math.Min(line.Length, start + Width);
        string shown = new(line[start..end].Select(c => char.IsControl(c) ? '?' : c).ToArray());
        int caret = column - start;
        if (start > 0) { shown = "…" + shown; caret++; }
        if (end < line.Length) shown += "…";
        return (shown, caret);
    }

    static string? SourceLine(IReadOnlyDictionary<string, string>? sources, SourceSpan where)
    {
        if (sources is null || !sources.TryGetValue(where.File, out var text)) return null;
        var lines = text.Split('\n');
        if (where.Line < 1 || where.Line > lines.Length) return null;
        return lines[where.Line - 1].TrimEnd('\r');
    }
}
