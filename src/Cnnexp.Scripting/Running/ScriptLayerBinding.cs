using Cnnexp.Engine.Modules;
using Cnnexp.Engine.Native;
using Cnnexp.Hooks;
using Cnnexp.Scripting.Loading;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Scripts;
using static TorchSharp.torch;

namespace Cnnexp.Scripting.Running;

/// <summary>
/// A `- script:` layer bound to its compiled script. Planning asks it for the output shape: it builds
/// the module once, checks the claimed shape on a zero batch, counts parameters and disposes it.
/// Training asks it for a fresh module per model and seed.
/// </summary>
sealed class ScriptLayerBinding(LoadedScript script, ScriptArgs args) : IScriptedLayer, IModuleSource
{
    readonly Dictionary<Shape, (ShapeCheck Check, long Parameters, long Macs)> planned = [];

    public ShapeCheck Infer(Shape input) => Plan(input).Check;
    public long Parameters(Shape input) => Plan(input).Parameters;
    public long Macs(Shape input) => Plan(input).Macs;

    public nn.Module<Tensor, Tensor> Build(Shape input)
    {
        var build = script.Hooks.LayerBuilder!(new LayerContext(new HookArgs(args), input));
        AcceptsLowPrecision = build.AcceptsLowPrecision;
        if (build.Onnx is { } nodes) onnx.AddOrUpdate(build.Module, nodes);
        return build.Module;
    }

    readonly System.Runtime.CompilerServices.ConditionalWeakTable<nn.Module<Tensor, Tensor>, Func<Spec.Scripts.IOnnxGraph, string, string>> onnx = new();

    /// <summary>The script's build gives ONNX nodes (<see cref="LayerBuild.Onnx"/>), as its planning build said.</summary>
    public bool WritesOnnx { get; private set; }

    public Func<Spec.Scripts.IOnnxGraph, string, string>? OnnxFor(nn.Module<Tensor, Tensor> module) => onnx.TryGetValue(module, out var nodes) ? nodes : null;

    /// <summary>What the script's last build said (<see cref="LayerBuild.AcceptsLowPrecision"/>); the same for every build of one script.</summary>
    public bool AcceptsLowPrecision { get; private set; }

    (ShapeCheck Check, long Parameters, long Macs) Plan(Shape input)
    {
        if (planned.TryGetValue(input, out var known)) return known;
        NativeRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        var hookArgs = new HookArgs(args);
        LayerBuild build;
        try { build = script.Hooks.LayerBuilder!(new LayerContext(hookArgs, input)); }
        catch (Exception e) { return planned[input] = (BindingErrors.From(e, script, "layer"), 0, 0); }
        using var module = build.Module;
        return planned[input] = Check(build, input, hookArgs);
    }

    (ShapeCheck, long, long) Check(LayerBuild build, Shape input, HookArgs hookArgs)
    {
        if (BindingErrors.Unused(hookArgs, script) is { } unused) return (unused, 0, 0);
        Shape actual;
        try
        {
            build.Module.eval();
            actual = ShapeProbe.Of(build.Module.forward, input);
        }
        catch (Exception e) { return (BindingErrors.From(e, script, "layer's forward pass on a zero batch"), 0, 0); }
        if (!actual.Equals(build.Output)) return (BindingErrors.WrongShape(script, "layer", input, build.Output, actual), 0, 0);
        long parameters = build.Module.parameters().Sum(p => p.numel());
        WritesOnnx = build.Onnx is not null;
        return (ShapeCheck.Ok(build.Output), parameters, build.Macs);
    }
}
