using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Transforms;
using TorchSharp;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Modules;

/// <summary>
/// Maps each planned layer or transform record to the TorchSharp module that implements it. The
/// planner has already resolved every size, so builders only copy numbers across.
/// </summary>
public static class ModuleRegistry
{
    static readonly Dictionary<Type, Func<LayerSpec, Shape, nn.Module<Tensor, Tensor>>> LayerBuilders = new()
    {
        [typeof(Conv2dLayer)] = (s, input) => Conv((Conv2dLayer)s, input),
        [typeof(LinearLayer)] = (s, input) => nn.Linear(input.Dims[0], ((LinearLayer)s).Out, hasBias: ((LinearLayer)s).Bias),
        [typeof(ReluLayer)] = (_, _) => nn.ReLU(),
        [typeof(FlattenLayer)] = (_, _) => nn.Flatten(),
        [typeof(MaxPool2dLayer)] = (s, _) => MaxPool((MaxPool2dLayer)s),
        [typeof(ScriptLayer)] = (s, input) => Scripted(((ScriptLayer)s).Script, s.Kind, input),
    };

    static readonly Dictionary<Type, Func<TransformSpec, Shape, nn.Module<Tensor, Tensor>>> TransformBuilders = new()
    {
        [typeof(ChannelSum)] = (_, _) => new ChannelSumModule(),
        [typeof(ScriptTransform)] = (s, input) => Scripted(((ScriptTransform)s).Script, s.Kind, input),
    };

    public static IReadOnlyCollection<Type> LayerTypes => LayerBuilders.Keys;
    public static IReadOnlyCollection<Type> TransformTypes => TransformBuilders.Keys;

    public static nn.Module<Tensor, Tensor> Build(PlannedLayer layer) =>
        LayerBuilders.TryGetValue(layer.Spec.GetType(), out var build)
            ? build(layer.Spec, layer.Input)
            : throw new NotSupportedException($"no module builder for layer kind `{layer.Spec.Kind}`");

    public static nn.Module<Tensor, Tensor> Build(PlannedTransform transform) =>
        TransformBuilders.TryGetValue(transform.Spec.GetType(), out var build)
            ? build(transform.Spec, transform.Input)
            : throw new NotSupportedException($"no module builder for input transform `{transform.Spec.Kind}`");

    static nn.Module<Tensor, Tensor> Conv(Conv2dLayer c, Shape input)
    {
        var p = c.EffectivePadding;
        return nn.Conv2d(input.C, c.Out, (c.Kernel.H, c.Kernel.W), stride: (c.Stride.H, c.Stride.W),
            padding: (p.H, p.W), dilation: (c.Dilation.H, c.Dilation.W), groups: c.Groups, bias: c.Bias);
    }

    /// <summary>A `- script:` entry builds its module through the binding the scripting stage attached.</summary>
    static nn.Module<Tensor, Tensor> Scripted(object? binding, string kind, Shape input) => binding is IModuleSource source
        ? source.Build(input)
        : throw new InvalidOperationException($"`{kind}` entry was not bound to its compiled script; plan through Experiment.Plan");

    static nn.Module<Tensor, Tensor> MaxPool(MaxPool2dLayer m)
    {
        var s = m.EffectiveStride;
        return nn.MaxPool2d((m.Kernel.H, m.Kernel.W), stride: (s.H, s.W), padding: (m.Padding.H, m.Padding.W));
    }
}
