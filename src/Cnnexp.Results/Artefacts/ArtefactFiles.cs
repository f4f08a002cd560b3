using System.Text;

namespace Cnnexp.Results.Artefacts;

/// <summary>The artefacts/ folder of a run directory: sample images and per-model tensors for figures.</summary>
public static class ArtefactFiles
{
    public const string Dir = "artefacts";
    public const string Samples = "samples.json";

    /// <summary>Per unit: the checks measured on that unit's weights (e.g. the channel decomposition).</summary>
    public const string Checks = "checks.json";

    public static string SamplesPath(string runDir) => Path.Combine(runDir, Dir, Samples);

    public static string ChecksPath(string unitDir) => Path.Combine(unitDir, Checks);

    public static void WriteChecks(string unitDir, IReadOnlyDictionary<string, double> checks)
    {
        Directory.CreateDirectory(unitDir);
        RunFiles.WriteJson(ChecksPath(unitDir), checks);
    }

    /// <summary>
    /// Every unit's checks (units/MODEL/seedS/checks.json), merged: the largest value of each check
    /// over the seeds, since every check measured here is an error that must stay small.
    /// </summary>
    public static IReadOnlyDictionary<string, double> ReadChecks(string runDir)
    {
        var merged = new SortedDictionary<string, double>(StringComparer.Ordinal);
        string units = Path.Combine(runDir, "units");
        if (!Directory.Exists(units)) return merged;
        foreach (var file in Directory.GetFiles(units, Checks, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            foreach (var (key, value) in RunFiles.ReadJson<Dictionary<string, double>>(file))
                merged[key] = merged.TryGetValue(key, out var seen) ? Math.Max(seen, value) : value;
        return merged;
    }

    /// <summary>model-NN-NAME.json: NN keeps the spec's order and makes names that sanitise alike distinct.</summary>
    public static string ModelPath(string runDir, int index, string model) =>
        Path.Combine(runDir, Dir, $"model-{index:00}-{Sanitize(model)}.json");

    public static void WriteSamples(string runDir, SampleImages samples)
    {
        Directory.CreateDirectory(Path.Combine(runDir, Dir));
        RunFiles.WriteJson(SamplesPath(runDir), samples);
    }

    public static void WriteModel(string runDir, int index, ModelArtefacts model)
    {
        Directory.CreateDirectory(Path.Combine(runDir, Dir));
        RunFiles.WriteJson(ModelPath(runDir, index, model.Model), model);
    }

    /// <summary>The sample images, or null for a run without artefacts (e.g. one from an older version).</summary>
    public static SampleImages? ReadSamples(string runDir) =>
        File.Exists(SamplesPath(runDir)) ? RunFiles.ReadJson<SampleImages>(SamplesPath(runDir)) : null;

    /// <summary>Every model's artefacts, by model name (empty when there are none).</summary>
    public static IReadOnlyDictionary<string, ModelArtefacts> ReadModels(string runDir)
    {
        string dir = Path.Combine(runDir, Dir);
        if (!Directory.Exists(dir)) return new Dictionary<string, ModelArtefacts>();
        return Directory.GetFiles(dir, "model-*.json").Order(StringComparer.Ordinal)
            .Select(RunFiles.ReadJson<ModelArtefacts>)
            .ToDictionary(m => m.Model);
    }

    static string Sanitize(string name)
    {
        var sb = new StringBuilder();
        foreach (char c in name) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        return sb.Length == 0 ? "model" : sb.ToString();
    }
}
