using Cnnexp.Hooks;
using Cnnexp.Scripting.Loading;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Scripts;
using static TorchSharp.torch;

namespace Cnnexp.Scripting.Running;

/// <summary>
/// A script transform inside a model. Tensors the script creates while building (constants its
/// function captures) are kept alive with the module, not freed with the model-building scope.
/// </summary>
sealed class ScriptTransformModule : nn.Module<Tensor, Tensor>
{
    readonly Func<Tensor, Tensor> transform;
    readonly List<IDisposable> owned;
    readonly LoadedScript script;
    readonly TrainingPosition position;

    public ScriptTransformModule(LoadedScript script, ScriptArgs args, Shape input, TrainingPosition position) : base("script")
    {
        (this.script, this.position) = (script, position);
        using (var scope = NewDisposeScope())
        {
            transform = script.Hooks.TransformBuilder!(new TransformContext(new HookArgs(args), input)).Apply;
            owned = scope.DisposablesView.ToList();
            scope.Detach(owned);
        }
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        try { return transform(x); }                                  // (N, C, H, W) -> (N, C', H', W')
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new HookException(script.DisplayPath, "in its input transform", position.Describe(), e, script.Sources);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) foreach (var d in owned) d.Dispose();
        base.Dispose(disposing);
    }
}
