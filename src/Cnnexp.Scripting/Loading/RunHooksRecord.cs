using System.Text.Json;
using Cnnexp.Results;

namespace Cnnexp.Scripting.Loading;

/// <summary>
/// hooks.json in a run directory: the folder the spec's script paths are relative to, and each
/// script file with its hash, so `--resume DIR` finds the scripts and a run is auditable.
/// </summary>
public sealed record RunHooksRecord
{
    public const string FileName = "hooks.json";

    /// <summary>The folder of the spec the run started from.</summary>
    public required string BaseDirectory { get; init; }

    /// <summary>Every script and file it loads, with its SHA-256, as compiled for this run.</summary>
    public required IReadOnlyDictionary<string, string> Files { get; init; }

    public static string? ReadBaseDirectory(string runDir)
    {
        string path = Path.Combine(runDir, FileName);
        if (!File.Exists(path)) return null;
        try { return RunFiles.ReadJson<RunHooksRecord>(path).BaseDirectory; }
        catch (JsonException) { return null; }
    }

    /// <summary>Writes hooks.json unless the directory already has one (a resumed run keeps its first record).</summary>
    public static void WriteOnce(string runDir, RunHooksRecord record)
    {
        string path = Path.Combine(runDir, FileName);
        if (!File.Exists(path)) RunFiles.WriteJson(path, record);
    }
}
