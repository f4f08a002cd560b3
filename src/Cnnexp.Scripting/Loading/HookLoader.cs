using System.Diagnostics;
using Cnnexp.Hooks;
using Cnnexp.Scripting.Compilation;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Scripts;

namespace Cnnexp.Scripting.Loading;

/// <summary>
/// Stage "Compile": every script a spec names (under `hooks:` and as `- script:` entries) is
/// compiled, or taken from the cache when its content is unchanged, then its top-level code runs
/// once to register its hooks. Problems become diagnostics: compile errors as `file:line:col: error
/// CSxxxx: message` with the line, missing files and misused scripts at the spec's line.
/// </summary>
public static class HookLoader
{
    public static HookLoadResult Load(ExperimentSpec spec, HookOptions? options = null)
    {
        options ??= new HookOptions();
        var references = HookReference.Of(spec);
        var diagnostics = new DiagnosticBag();
        var sources = new Dictionary<string, string>();
        if (references.Count == 0) return new HookLoadResult(null, [], sources);
        if (!options.Allowed)
        {
            foreach (var r in references)
                diagnostics.Error("hooks-refused", $"this spec runs the script `{r.Path}` ({Use(r)}), and hooks are refused (--no-hooks)", r.Where,
                    "scripts are code that runs with your rights: remove --no-hooks if you trust them, or take them out of the spec");
            return new HookLoadResult(null, diagnostics.Items, sources);
        }
        string baseDir = HookPaths.BaseDirectory(spec);
        var cache = new HookCache(options.CacheDirectory);
        var loaded = new List<LoadedScript>();
        foreach (var r in references.Where(r => !HookPaths.IsInside(baseDir, r.Path)))
            diagnostics.Error("hook-outside", $"script `{r.Path}` lies outside the spec's folder ({baseDir})", r.Where,
                "keep hook scripts in the spec's folder or below it, e.g. `hooks/gradnorm.csx`, so a spec cannot run code from elsewhere");
        foreach (var r in references.Where(r => HookPaths.IsInside(baseDir, r.Path) && !r.Path.EndsWith(".csx", StringComparison.OrdinalIgnoreCase)))
            diagnostics.Error("hook-not-csx", $"script `{r.Path}` is not a .csx file", r.Where, "hooks are C# scripts ending in `.csx`");
        if (diagnostics.HasErrors) return new HookLoadResult(null, diagnostics.Items, sources);
        foreach (var file in references.GroupBy(r => HookPaths.Resolve(baseDir, r.Path)))
            if (LoadOne(file.Key, file.ToList(), cache, diagnostics, sources) is { } script) loaded.Add(script);
        if (diagnostics.HasErrors) return new HookLoadResult(null, diagnostics.Items, sources);
        HookUsage.Check(loaded, references, baseDir, diagnostics);
        var runHooks = references.Where(r => r.Use == HookUse.Hooks).Select(r => HookPaths.Resolve(baseDir, r.Path)).Distinct()
            .Select(p => loaded.First(s => s.FullPath == p)).ToList();
        return new HookLoadResult(diagnostics.HasErrors ? null : new LoadedHooks(loaded, runHooks, baseDir), diagnostics.Items, sources);
    }

    static LoadedScript? LoadOne(string fullPath, IReadOnlyList<HookReference> uses, HookCache cache, DiagnosticBag diagnostics,
        Dictionary<string, string> sources)
    {
        string display = HookPaths.Display(fullPath);
        if (!File.Exists(fullPath))
        {
            foreach (var use in uses)
                diagnostics.Error("hook-not-found", $"script `{use.Path}` does not exist (looked for {fullPath})", use.Where,
                    "script paths are relative to the spec's folder");
            return null;
        }
        var clock = Stopwatch.StartNew();
        var (compiled, fromCache) = CompileOrReuse(fullPath, cache, diagnostics, sources);
        if (compiled is null) return null;
        var hooks = new HookSet(display, Path.GetDirectoryName(fullPath));
        try
        {
            ScriptRunner.Run(compiled.Pe, compiled.Pdb, compiled.EntryType, compiled.References, hooks);
        }
        catch (Exception thrown)
        {
            var e = ScriptErrors.Unwrap(thrown);
            var place = ScriptErrors.Place(e, compiled.Sources);
            if (place is { } p) sources[HookPaths.Display(p.File)] = File.ReadAllText(p.File);
            diagnostics.Error("hook-failed", $"`{display}` threw while running its top-level code: {e.GetType().Name}: {e.Message}",
                place is { } q ? new SourceSpan(HookPaths.Display(q.File), q.Line, 1) : uses[0].Where);
            return null;
        }
        return new LoadedScript(fullPath, display, hooks, compiled.Sources, fromCache, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The cached compilation when the script and everything it loads are unchanged, else a fresh one (then cached).</summary>
    static (CompiledScript? Script, bool FromCache) CompileOrReuse(string fullPath, HookCache cache, DiagnosticBag diagnostics,
        Dictionary<string, string> sources)
    {
        string code = File.ReadAllText(fullPath);
        string key = HookCache.KeyFor(fullPath, code);
        if (cache.Find(key) is { } hit) return (hit, true);
        var outcome = ScriptCompiler.Compile(fullPath, code);
        if (outcome.Script is null)
        {
            Report(outcome, diagnostics, sources);
            return (null, false);
        }
        cache.Store(key, outcome.Script);
        return (outcome.Script, false);
    }

    static void Report(CompileOutcome outcome, DiagnosticBag diagnostics, Dictionary<string, string> sources)
    {
        foreach (var (path, text) in outcome.Texts) sources[HookPaths.Display(path)] = text;
        foreach (var e in outcome.Errors)
            diagnostics.Add(new Diagnostic(Severity.Error, e.Id, e.Message, e.Path.Length == 0 ? null : new SourceSpan(HookPaths.Display(e.Path), e.Line, e.Column)));
    }

    internal static string Use(HookReference r) => r.Use switch
    {
        HookUse.Hooks => "under `hooks:`",
        HookUse.Layer => $"as a layer of model `{r.Model}`",
        _ => $"as an input transform of model `{r.Model}`",
    };
}
