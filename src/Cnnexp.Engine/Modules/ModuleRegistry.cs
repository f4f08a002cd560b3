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
    static readonly Dictionary<Type, Func<PlannedLayer, nn.Module<Tensor, Tensor>>> LayerBuilders = new()
    {
        [typeof(Conv2dLayer)] = l => Conv((Conv2dLayer)l.Spec, l.Input),
        [typeof(LinearLayer)] = l => nn.Linear(l.Input.Dims[0], ((LinearLayer)l.Spec).Out, hasBias: ((LinearLayer)l.Spec).Bias),
        [typeof(ReluLayer)] = _ => nn.ReLU(),
        [typeof(LeakyReluLayer)] = l => nn.LeakyReLU(((LeakyReluLayer)l.Spec).NegativeSlope),
        [typeof(GeluLayer)] = l => nn.GELU(((GeluLayer)l.Spec).Approximate == "tanh" ? TorchSharp.Modules.GELU.Approximate.tanh : TorchSharp.Modules.GELU.Approximate.none, inplace: false),
        [typeof(EluLayer)] = l => nn.ELU(((EluLayer)l.Spec).Alpha),
        [typeof(SigmoidLayer)] = _ => nn.Sigmoid(),
        [typeof(TanhLayer)] = _ => nn.Tanh(),
        [typeof(FlattenLayer)] = _ => new FlattenModule(),
        [typeof(MaxPool2dLayer)] = l => MaxPool((MaxPool2dLayer)l.Spec),
        [typeof(AvgPool2dLayer)] = l => AvgPool((AvgPool2dLayer)l.Spec),
        [typeof(AdaptiveAvgPool2dLayer)] = l => nn.AdaptiveAvgPool2d((((AdaptiveAvgPool2dLayer)l.Spec).Out.H, ((AdaptiveAvgPool2dLayer)l.Spec).Out.W)),
        [typeof(DropoutLayer)] = l => nn.Dropout(((DropoutLayer)l.Spec).P),
        [typeof(Dropout2dLayer)] = l => nn.Dropout2d(((Dropout2dLayer)l.Spec).P),
        [typeof(BatchNorm1dLayer)] = l => BatchNorm1d((BatchNorm1dLayer)l.Spec, l.Input),
        [typeof(BatchNorm2dLayer)] = l => BatchNorm2d((BatchNorm2dLayer)l.Spec, l.Input),
        [typeof(ResidualLayer)] = Residual,
        [typeof(ScriptLayer)] = l => Scripted(((ScriptLayer)l.Spec).Script, l.Spec.Kind, l.Input),
    };

    static readonly Dictionary<Type, Func<PlannedTransform, nn.Module<Tensor, Tensor>>> TransformBuilders = new()
    {
        [typeof(ChannelSum)] = _ => new ChannelSumModule(),
        [typeof(ChannelMean)] = _ => new ChannelMeanModule(),
        [typeof(Grayscale)] = _ => new ChannelWeightsModule("grayscale", Grayscale.Weights),
        [typeof(ChannelSelect)] = t => new ChannelIndexModule("channel_select", ((ChannelSelect)t.Spec).Channels),
        [typeof(ChannelPermute)] = t => new ChannelIndexModule("channel_permute", ((ChannelPermute)t.Spec).Order),
        [typeof(Normalize)] = t => new NormalizeModule(((Normalize)t.Spec).MeanFor(t.Input.C), ((Normalize)t.Spec).StdFor(t.Input.C)),
        [typeof(ScriptTransform)] = t => Scripted(((ScriptTransform)t.Spec).Script, t.Spec.Kind, t.Input),
    };

    public static IReadOnlyCollection<Type> LayerTypes => LayerBuilders.Keys;
    public static IReadOnlyCollection<Type> TransformTypes => TransformBuilders.Keys;

    public static nn.Module<Tensor, Tensor> Build(PlannedLayer layer) =>
        LayerBuilders.TryGetValue(layer.Spec.GetType(), out var build)
            ? build(layer)
            : throw new NotSupportedException($"no module builder for layer kind `{layer.Spec.Kind}`");

    public static nn.Module<Tensor, Tensor> Build(PlannedTransform transform) =>
        TransformBuilders.TryGetValue(transform.Spec.GetType(), out var build)
            ? build(transform)
            : throw new NotSupportedException($"no module builder for input transform `{transform.Spec.Kind}`");

    static nn.Module<Tensor, Tensor> Conv(Conv2dLayer c, Shape input)
    {
        var p = c.EffectivePadding;
        return nn.Conv2d(input.C, c.Out, (c.Kernel.H, c.Kernel.W), stride: (c.Stride.H, c.Stride.W),
            padding: (p.H, p.W), dilation: (c.Dilation.H, c.Dilation.W), groups: c.Groups, bias: c.Bias);
    }

    /// <summary>
    /// A `- script:` entry builds its module through the binding the scripting stage attached. Its
    /// input is made contiguous (NCHW) first: a script written for PyTorch's layout may call
    /// <c>view</c>, which a channels-last activation refuses, and planning probed it with NCHW.
    /// </summary>
    static nn.Module<Tensor, Tensor> Scripted(object? binding, string kind, Shape input)
    {
        if (binding is not IModuleSource source)
            throw new InvalidOperationException($"`{kind}` entry was not bound to its compiled script; plan through Experiment.Plan");
        var module = source.Build(input);
        module.register_forward_pre_hook((_, x) => x.is_contiguous() ? x : x.contiguous());
        return module;
    }

    static nn.Module<Tensor, Tensor> MaxPool(MaxPool2dLayer m)
    {
        var s = m.EffectiveStride;
        return nn.MaxPool2d((m.Kernel.H, m.Kernel.W), stride: (s.H, s.W), padding: (m.Padding.H, m.Padding.W));
    }

    static nn.Module<Tensor, Tensor> AvgPool(AvgPool2dLayer a)
    {
        var s = a.EffectiveStride;
        return nn.AvgPool2d((a.Kernel.H, a.Kernel.W), stride: (s.H, s.W), padding: (a.Padding.H, a.Padding.W));
    }

    static nn.Module<Tensor, Tensor> BatchNorm1d(BatchNorm1dLayer b, Shape input) =>
        nn.BatchNorm1d(input.Dims[0], eps: b.Eps, momentum: b.Momentum, affine: b.Affine);

    static nn.Module<Tensor, Tensor> BatchNorm2d(BatchNorm2dLayer b, Shape input) =>
        nn.BatchNorm2d(input.C, eps: b.Eps, momentum: b.Momentum, affine: b.Affine);

    static nn.Module<Tensor, Tensor> Residual(PlannedLayer r) =>
        new ResidualModule(r.Name, nn.Sequential(r.Body.Select(c => (c.Name, Build(c))).ToArray()),
            r.Shortcut is { } s ? Build(s) : null);
}
