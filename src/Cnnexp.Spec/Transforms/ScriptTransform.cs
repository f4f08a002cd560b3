using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Scripts;

namespace Cnnexp.Spec.Transforms;

/// <summary>
/// An input transform written in C# (a `.csx` hook): batch in, batch out, with the output shape
/// the script computes from its `args` and the input shape. See docs/hooks.md.
/// </summary>
[Kind("script", "An input transform written in C# in a .csx file next to the spec: `- script: { path: hooks/mine.csx, args: { ... } }` (docs/hooks.md).")]
public sealed record ScriptTransform : TransformSpec
{
    [Field("The .csx file, relative to the spec's folder.", Required = true)] public string Path { get; init; } = "";
    [Field("Settings the script reads, e.g. `{ luminance: false }`.")] public ScriptArgs Args { get; init; } = ScriptArgs.Empty;

    /// <summary>The compiled script's rule; null until the scripting stage binds it.</summary>
    public IScriptedTransform? Script { get; init; }

    public override ShapeCheck Infer(Shape input) => Script?.Infer(input) ?? ShapeCheck.Fail(
        $"script transform `{Path}` has not been compiled, so its output shape is unknown",
        "plan through Experiment.Plan (or `cnnexp`), which compiles the spec's scripts first", "path");
}
