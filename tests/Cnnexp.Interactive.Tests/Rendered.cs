using System.Text.RegularExpressions;
using Cnnexp.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace Cnnexp.Interactive.Tests;

/// <summary>What a notebook cell would show for a value: its HTML, through .NET Interactive's formatter lookup.</summary>
static partial class Rendered
{
    public static string Html(object value)
    {
        Formatters.Register();
        return value.ToDisplayString("text/html");
    }

    /// <summary>The decoded images of every <c>&lt;img src="data:image/png;base64,…"&gt;</c>.</summary>
    public static IReadOnlyList<byte[]> Pngs(string html) =>
        PngUri().Matches(html).Select(m => Convert.FromBase64String(m.Groups[1].Value)).ToList();

    public static bool IsPng(byte[] bytes) => bytes.AsSpan().StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A });

    /// <summary>One table row's cells as text, e.g. <c>conv1 | conv2d | … | 224</c>.</summary>
    public static IReadOnlyList<string> Rows(string html, string tableClass, int index = 0)
    {
        var tables = Regex.Matches(html, $"<table class=\"{tableClass}\">(.*?)</table>", RegexOptions.Singleline);
        Assert.True(tables.Count > index, $"no table.{tableClass} number {index + 1} in:\n{html}");
        return Regex.Matches(tables[index].Groups[1].Value, "<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)
            .Select(r => string.Join(" | ", Regex.Matches(r.Groups[1].Value, "<t[dh][^>]*>(.*?)</t[dh]>").Select(c => System.Net.WebUtility.HtmlDecode(c.Groups[1].Value))))
            .ToList();
    }

    [GeneratedRegex("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex PngUri();
}
