using System.Globalization;
using Cnnexp.Hooks;
using Cnnexp.Spec.Scripts;

namespace Cnnexp.Scripting.Loading;

/// <summary>Every script of a spec, loaded once; carried by the bound spec from planning to the run and its figures.</summary>
public sealed class LoadedHooks : ICompiledHooks
{
    internal LoadedHooks(IReadOnlyList<LoadedScript> scripts, IReadOnlyList<LoadedScript> runHooks, string baseDirectory)
    {
        Scripts = scripts;
        RunHooks = runHooks.Select(s => s.Hooks).ToList();
        BaseDirectory = baseDirectory;
    }

    /// <summary>Every script file, in the order the spec names them.</summary>
    public IReadOnlyList<LoadedScript> Scripts { get; }

    /// <summary>The hook sets of the files under `hooks:` (callbacks, metrics, figures), in order.</summary>
    public IReadOnlyList<HookSet> RunHooks { get; }

    /// <summary>The folder the spec's script paths are relative to.</summary>
    public string BaseDirectory { get; }

    public IReadOnlyList<string> Files => Scripts.Select(s => s.DisplayPath).ToList();

    internal TrainingPosition Position { get; } = new();

    public LoadedScript? Find(string fullPath) => Scripts.FirstOrDefault(s => s.FullPath == fullPath);

    /// <summary>Every source file (scripts and what they load): to place exceptions.</summary>
    internal IReadOnlyCollection<string> AllSources => Scripts.SelectMany(s => s.Sources).ToHashSet();

    /// <summary>"2 hook scripts: 1 compiled (2.31 s), 1 from the cache (0.01 s)".</summary>
    public string Summary()
    {
        var compiled = Scripts.Where(s => !s.FromCache).ToList();
        var cached = Scripts.Where(s => s.FromCache).ToList();
        var parts = new List<string>();
        if (compiled.Count > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{compiled.Count} compiled ({compiled.Sum(s => s.Seconds):F2} s)"));
        if (cached.Count > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{cached.Count} from the cache ({cached.Sum(s => s.Seconds):F2} s)"));
        return $"{Scripts.Count} hook script{(Scripts.Count == 1 ? "" : "s")}: {string.Join(", ", parts)}";
    }

    /// <summary>The hooks.json record of these scripts, keyed by path relative to the spec's folder (the same from any current folder).</summary>
    public RunHooksRecord Record() => new()
    {
        BaseDirectory = BaseDirectory,
        Files = Scripts.SelectMany(s => s.Sources).Distinct()
            .ToDictionary(p => Path.GetRelativePath(BaseDirectory, p).Replace('\\', '/'), FileHash.Hash),
    };
}
