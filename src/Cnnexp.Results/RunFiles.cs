using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cnnexp.Results;

/// <summary>Names and (de)serialisation of the files in a run directory. Figures read only these.</summary>
public static class RunFiles
{
    public const string ResolvedSpec = "spec.resolved.yaml";
    public const string Metrics = "metrics.csv";
    public const string Summary = "summary.json";
    public const string Manifest = "manifest.json";
    public const string Log = "run.log";
    public const string FiguresDir = "figures";

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,   // keep `+`, `'` and non-ASCII readable
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },   // states as stable tokens (`max_seeds`), not numbers
    };

    /// <summary>Writes JSON through a temporary file and a rename, so readers never see half a file.</summary>
    public static void WriteJson<T>(string path, T value) => WriteAtomic(path, JsonSerializer.Serialize(value, Json) + "\n");

    /// <exception cref="RunFileException">The file is not the JSON cnnexp wrote (edited or damaged by hand).</exception>
    public static T ReadJson<T>(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) ?? throw new RunFileException(path, "it holds `null`");
        }
        catch (JsonException e)
        {
            throw new RunFileException(path, $"{(e.Path is { } at ? $"at {at}" : "")}{(e.LineNumber is long line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "")}: {FirstSentence(e.Message)}");
        }
    }

    static string FirstSentence(string message) => message.Split(". Path:", 2)[0].TrimEnd('.');

    public static void WriteAtomic(string path, string text)
    {
        // One temporary file per writing thread: units training side by side in one process write the same shared
        // files (artefacts/samples.json), and a name per process let one thread move away the other's file.
        string tmp = $"{path}.tmp-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}";
        File.WriteAllText(tmp, text);
        File.Move(tmp, path, overwrite: true);
    }
}
