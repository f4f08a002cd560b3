using System.Net;
using System.Text;

namespace Cnnexp.Interactive;

/// <summary>
/// The small HTML vocabulary every view shares: encoded text, tables, a scoped style sheet. Notebook
/// front ends (VS Code, JupyterLab, nbconvert's HTML) keep inline styles and data URIs, and strip scripts.
/// </summary>
static class Html
{
    public static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    /// <summary>A table; columns from <paramref name="numericFrom"/> on are right-aligned numbers.</summary>
    public static void Table(StringBuilder h, string cssClass, IReadOnlyList<string> headers, IEnumerable<string[]> rows,
        int numericFrom = int.MaxValue, Func<string[], string>? rowClass = null)
    {
        h.Append($"<table class=\"{cssClass}\">\n<thead><tr>");
        foreach (var head in headers) h.Append($"<th>{E(head)}</th>");
        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            string cls = rowClass?.Invoke(row) is { Length: > 0 } c ? $" class=\"{c}\"" : "";
            h.Append($"<tr{cls}>");
            for (int i = 0; i < row.Length; i++) h.Append(i >= numericFrom ? "<td class=\"num\">" : "<td>").Append(E(row[i])).Append("</td>");
            h.Append("</tr>\n");
        }
        h.Append("</tbody>\n</table>\n");
    }

    /// <summary>Wraps a view in a <c>div.cnnexp</c> with the style sheet (front ends scope nothing, so every rule names the class).</summary>
    public static string View(string kind, StringBuilder body) =>
        $"<div class=\"cnnexp cnnexp-{kind}\">\n<style>{Css}</style>\n{body}</div>\n";

    /// <summary>A PNG file as a data URI: the notebook keeps the picture when the run directory is gone.</summary>
    public static string PngDataUri(string path) => "data:image/png;base64," + Convert.ToBase64String(File.ReadAllBytes(path));

    const string Css =
        ".cnnexp table{border-collapse:collapse;margin:6px 0 12px;font-size:13px}" +
        ".cnnexp th,.cnnexp td{padding:3px 9px;border-bottom:1px solid #ddd;text-align:left}" +
        ".cnnexp td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}" +
        ".cnnexp tr.total td{font-weight:bold;border-top:1px solid #999}" +
        ".cnnexp tr.transform td{font-style:italic}" +
        ".cnnexp .verdict{margin:8px 0;padding:6px 10px;border-left:4px solid #0072B2}" +
        ".cnnexp pre.diagnostics{padding:8px 10px;border-left:4px solid #D55E00;white-space:pre;overflow-x:auto}" +
        ".cnnexp pre.diagnostics.warnings{border-left-color:#E69F00}" +
        ".cnnexp figure{margin:12px 0}.cnnexp figure img{max-width:100%;height:auto}" +
        ".cnnexp figcaption{font-size:13px;max-width:900px}" +
        ".cnnexp .bar{width:420px;height:14px;border:1px solid #999;display:inline-block;vertical-align:middle}" +
        ".cnnexp .bar span{display:block;height:100%;background:#0072B2}";
}
