using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Scripts;

namespace Cnnexp.Scripting.Loading;

/// <summary>Checks that each script registers what the spec uses it for, and that names do not collide.</summary>
static class HookUsage
{
    public static void Check(IReadOnlyList<LoadedScript> scripts, IReadOnlyList<HookReference> references, string baseDir, DiagnosticBag diagnostics)
    {
        foreach (var r in references)
        {
            var script = scripts.First(s => s.FullPath == HookPaths.Resolve(baseDir, r.Path));
            if (Missing(script, r) is { } problem)
                diagnostics.Error("hook-misused", $"`{r.Path}` is used {HookLoader.Use(r)}, but {problem.Message}", r.Where, problem.Hint);
        }
        var runHooks = scripts.Where(s => references.Any(r => r.Use == HookUse.Hooks && HookPaths.Resolve(baseDir, r.Path) == s.FullPath)).ToList();
        var places = references.Where(r => r.Use == HookUse.Hooks)
            .GroupBy(r => HookPaths.Resolve(baseDir, r.Path)).ToDictionary(g => g.Key, g => g.First().Where);
        Unique(runHooks, s => s.Hooks.Metrics.Select(m => m.Name), "metric", [], places, diagnostics);
        Unique(runHooks, s => s.Hooks.Figures.Select(f => f.Name), "figure",
            ExperimentSpec.FigureNames.Concat(runHooks.SelectMany(s => s.Hooks.Metrics).Select(m => $"metric_{m.Name}")).ToList(), places, diagnostics);
    }

    static (string Message, string Hint)? Missing(LoadedScript s, HookReference r) => r.Use switch
    {
        HookUse.Layer when s.Hooks.LayerBuilder is null =>
            ("it registers no layer", "call `Layer(ctx => new LayerBuild(module, outputShape));` in it (docs/hooks.md)"),
        HookUse.Transform when s.Hooks.TransformBuilder is null =>
            ("it registers no input transform", "call `Transform(ctx => new TransformBuild(x => ..., outputShape));` in it (docs/hooks.md)"),
        HookUse.Hooks when !s.Hooks.HasRunHooks =>
            ("it registers no callback, metric or figure",
             s.Hooks.LayerBuilder is not null || s.Hooks.TransformBuilder is not null
                 ? "it defines a layer or transform: use it as `- script: { path: ... }` in a model's `layers` or `input`"
                 : "call OnEpochEnd(...), Metric(...), Figure(...) or another hook in it (docs/hooks.md)"),
        _ => null,
    };

    static void Unique(IReadOnlyList<LoadedScript> scripts, Func<LoadedScript, IEnumerable<string>> names, string what,
        IReadOnlyList<string> reserved, IReadOnlyDictionary<string, SourceSpan?> places, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, string>();
        foreach (var script in scripts)
            foreach (string name in names(script))
            {
                var where = places.GetValueOrDefault(script.FullPath);
                if (reserved.Contains(name))
                    diagnostics.Error("hook-name", $"`{script.DisplayPath}` registers {what} `{name}`, a name cnnexp uses itself", where, $"give the {what} another name");
                else if (seen.TryGetValue(name, out string? first))
                    diagnostics.Error("hook-name", $"{what} `{name}` is registered by both `{first}` and `{script.DisplayPath}`", where, $"give one {what} another name");
                else seen[name] = script.DisplayPath;
            }
    }
}
