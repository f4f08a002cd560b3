using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Scripts;

namespace Cnnexp.Spec.Layers;

/// <summary>
/// A layer written in C# (a `.csx` hook): the script turns its `args` and the planned input shape
/// into a TorchSharp module and the output shape. The shape rule is the script's, attached by the
/// scripting stage (<see cref="Script"/>) before planning; see docs/hooks.md.
/// </summary>
[Kind("script", "A layer written in C# in a .csx file next to the spec: `- script: { path: hooks/mine.csx, args: { ... } }` (docs/hooks.md).")]
public sealed record ScriptLayer : LayerSpec
{
    [Field("The .csx file, relative to the spec's folder.", Required = true)] public string Path { get; init; } = "";
    [Field("Settings the script reads, e.g. `{ out: 16, scale: 0.5 }`.")] public ScriptArgs Args { get; init; } = ScriptArgs.Empty;

    /// <summary>The compiled script's rule; null until the scripting stage binds it (then planning refuses this layer).</summary>
    public IScriptedLayer? Script { get; init; }

    public override ShapeCheck Infer(Shape input) => Script?.Infer(input) ?? ShapeCheck.Fail(
        $"script layer `{Path}` has not been compiled, so its output shape is unknown",
        "plan through Experiment.Plan (or `cnnexp`), which compiles the spec's scripts first", "path");

    public override long Parameters(Shape input, Shape output) => Script?.Parameters(input) ?? 0;
    public override long Macs(Shape input, Shape output) => Script?.Macs(input) ?? 0;
}
