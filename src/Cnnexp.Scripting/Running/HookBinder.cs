using Cnnexp.Scripting.Loading;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Scripts;
using Cnnexp.Spec.Transforms;

namespace Cnnexp.Scripting.Running;

/// <summary>
/// Attaches each `- script:` layer and transform to its loaded script (wherever it sits in the spec),
/// so planning and building reach them (the loaded hooks themselves go beside the plan: ExperimentPlan.Hooks).
/// </summary>
public static class HookBinder
{
    public static ExperimentSpec Bind(ExperimentSpec spec, LoadedHooks hooks)
    {
        var bound = SpecTree.Map(spec, node => node switch
        {
            ScriptLayer l => l with
            {
                Script = new ScriptLayerBinding(Find(hooks, l.Path), l.Args), KeySpans = WithArgSpans(l.KeySpans, l.Args),
            },
            ScriptTransform t => t with
            {
                Script = new ScriptTransformBinding(Find(hooks, t.Path), t.Args, hooks.Position), KeySpans = WithArgSpans(t.KeySpans, t.Args),
            },
            _ => node,
        });
        return bound;
    }

    static LoadedScript Find(LoadedHooks hooks, string path) =>
        hooks.Find(HookPaths.Resolve(hooks.BaseDirectory, path)) ?? throw new InvalidOperationException($"script `{path}` was not loaded");

    /// <summary>So a problem with one arg points at that arg's line (<c>args.scale</c>).</summary>
    static IReadOnlyDictionary<string, SourceSpan> WithArgSpans(IReadOnlyDictionary<string, SourceSpan> spans, ScriptArgs args)
    {
        var all = new Dictionary<string, SourceSpan>(spans);
        foreach (string key in args.Keys) all[$"args.{key}"] = args.SpanOf(key);
        return all;
    }
}
