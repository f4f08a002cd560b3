using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cnnexp.Interactive.Tests;

/// <summary>A notebook as nbconvert wrote it after running every cell: its outputs, and how long it took.</summary>
public sealed partial class ExecutedNotebook(JsonNode notebook, TimeSpan elapsed)
{
    public TimeSpan Elapsed { get; } = elapsed;

    public IReadOnlyList<JsonObject> Cells => notebook["cells"]!.AsArray().Select(c => c!.AsObject()).ToList();

    public IEnumerable<JsonObject> Outputs => Cells.Where(c => c["cell_type"]!.GetValue<string>() == "code")
        .SelectMany(c => c["outputs"]!.AsArray().Select(o => o!.AsObject()));

    /// <summary>Every text/html output (display data and cell results), each joined into one string.</summary>
    public IReadOnlyList<string> Html => Outputs.Select(o => o["data"]?["text/html"]).Where(h => h is not null).Select(Text).ToList();

    /// <summary>Error outputs, and anything written to stderr (a kernel extension that fails reports there), as text.</summary>
    public IReadOnlyList<string> Errors => Outputs
        .Where(o => o["output_type"]!.GetValue<string>() == "error" || o["name"]?.GetValue<string>() == "stderr")
        .Select(o => o.ToJsonString()).ToList();

    /// <summary>The plain text a cell printed (stdout).</summary>
    public string Printed => string.Concat(Outputs.Where(o => o["name"]?.GetValue<string>() == "stdout").Select(o => Text(o["text"])));

    /// <summary>Every inline PNG: data URIs in HTML outputs and image/png outputs.</summary>
    public int InlineImages =>
        Html.Sum(h => DataUri().Count(h)) + Outputs.Count(o => o["data"]?["image/png"] is not null);

    static string Text(JsonNode? node) => node is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : node!.GetValue<string>();

    [GeneratedRegex("src=\"data:image/png;base64,")]
    private static partial Regex DataUri();
}
