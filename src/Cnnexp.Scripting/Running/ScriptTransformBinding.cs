using Cnnexp.Engine.Modules;
using Cnnexp.Engine.Native;
using Cnnexp.Hooks;
using Cnnexp.Scripting.Loading;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Scripts;
using static TorchSharp.torch;

namespace Cnnexp.Scripting.Running;

/// <summary>A `- script:` input transform bound to its compiled script (see <see cref="ScriptLayerBinding"/>).</summary>
sealed class ScriptTransformBinding(LoadedScript script, ScriptArgs args, TrainingPosition position) : IScriptedTransform, IModuleSource
{
    readonly Dictionary<Shape, ShapeCheck> planned = [];

    public nn.Module<Tensor, Tensor> Build(Shape input) => new ScriptTransformModule(script, args, input, position);

    public ShapeCheck Infer(Shape input)
    {
        if (planned.TryGetValue(input, out var known)) return known;
        NativeRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        var hookArgs = new HookArgs(args);
        TransformBuild build;
        try { build = script.Hooks.TransformBuilder!(new TransformContext(hookArgs, input)); }
        catch (Exception e) { return planned[input] = BindingErrors.From(e, script, "transform"); }
        if (BindingErrors.Unused(hookArgs, script) is { } unused) return planned[input] = unused;
        Shape actual;
        try { actual = ShapeProbe.Of(build.Apply, input); }
        catch (Exception e) { return planned[input] = BindingErrors.From(e, script, "transform on a zero batch"); }
        return planned[input] = actual.Equals(build.Output)
            ? ShapeCheck.Ok(build.Output)
            : BindingErrors.WrongShape(script, "transform", input, build.Output, actual);
    }
}
