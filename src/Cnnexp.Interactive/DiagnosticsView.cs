using System.Text;
using Cnnexp.Spec.Diagnostics;

namespace Cnnexp.Interactive;

/// <summary>
/// Diagnostics as the compiler-style text the command line prints (<c>file:line:col: error: …</c>, the line,
/// a caret under the bad token, the hint), in a preformatted block so the caret stays under its column.
/// </summary>
static class DiagnosticsView
{
    public static string Render(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyDictionary<string, string>? sources) =>
        diagnostics.Count == 0 ? "" : Block(DiagnosticFormatter.FormatAll(diagnostics, sources), diagnostics.Any(d => d.IsError));

    /// <summary>Already formatted diagnostics (the F# records carry their text).</summary>
    public static string Block(string text, bool errors)
    {
        var h = new StringBuilder();
        h.Append($"<pre class=\"diagnostics{(errors ? "" : " warnings")}\">").Append(Html.E(text.TrimEnd())).Append("</pre>\n");
        return h.ToString();
    }

    public static string Page(string text, bool errors) => Html.View("diagnostics", new StringBuilder(Block(text, errors)));
}
