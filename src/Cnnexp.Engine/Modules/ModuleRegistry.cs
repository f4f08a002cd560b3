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
    static readonly Dictionary<Type, Func<PlannedLayer, BuildOptions, nn.Module<Tensor, Tensor>>> LayerBuilders = new()
    {
        [typeof(Conv2dLayer)] = (l, o) => Conv((Conv2dLayer)l.Spec, l.Input, o),
        [typeof(LinearLayer)] = (l, o) => Linear((LinearLayer)l.Spec, l.Input, o),
        [typeof(ReluLayer)] = (_, _) => nn.ReLU(),
        [typeof(LeakyReluLayer)] = (l, _) => nn.LeakyReLU(((LeakyReluLayer)l.Spec).NegativeSlope),
        [typeof(GeluLayer)] = (l, _) => nn.GELU(((GeluLayer)l.Spec).Approximate == "tanh" ? TorchSharp.Modules.GELU.Approximate.tanh : TorchSharp.Modules.GELU.Approximate.none, inplace: false),
        [typeof(EluLayer)] = (l, _) => nn.ELU(((EluLayer)l.Spec).Alpha),
        [typeof(SigmoidLayer)] = (_, _) => nn.Sigmoid(),
        [typeof(TanhLayer)] = (_, _) => nn.Tanh(),
        [typeof(FlattenLayer)] = (_, _) => new FlattenModule(),
        [typeof(MaxPool2dLayer)] = (l, _) => MaxPool((MaxPool2dLayer)l.Spec),
        [typeof(AvgPool2dLayer)] = (l, _) => AvgPool((AvgPool2dLayer)l.Spec),
        [typeof(AdaptiveAvgPool2dLayer)] = (l, _) => nn.AdaptiveAvgPool2d((((AdaptiveAvgPool2dLayer)l.Spec).Out.H, ((AdaptiveAvgPool2dLayer)l.Spec).Out.W)),
        [typeof(DropoutLayer)] = (l, o) => Dropout(((DropoutLayer)l.Spec).P, perChannel: false, o),
        [typeof(Dropout2dLayer)] = (l, o) => Dropout(((Dropout2dLayer)l.Spec).P, perChannel: true, o),
        [typeof(BatchNorm1dLayer)] = (l, o) => FloatInput(BatchNorm1d((BatchNorm1dLayer)l.Spec, l.Input), o),
        [typeof(BatchNorm2dLayer)] = (l, o) => FloatInput(BatchNorm2d((BatchNorm2dLayer)l.Spec, l.Input), o),
        [typeof(ResidualLayer)] = Residual,
        [typeof(ScriptLayer)] = (l, o) => Scripted(((ScriptLayer)l.Spec).Script, l.Spec.Kind, l.Input, o),
    };

    static readonly Dictionary<Type, Func<PlannedTransform, nn.Module<Tensor, Tensor>>> TransformBuilders = new()
    {
        [typeof(ChannelSum)] = _ => new ChannelSumModule(),
        [typeof(ChannelMean)] = _ => new ChannelMeanModule(),
        [typeof(Grayscale)] = _ => new ChannelWeightsModule("grayscale", Grayscale.Weights),
        [typeof(ChannelSelect)] = t => new ChannelIndexModule("channel_select", ((ChannelSelect)t.Spec).Channels),
        [typeof(ChannelPermute)] = t => new ChannelIndexModule("channel_permute", ((ChannelPermute)t.Spec).Order),
        [typeof(Normalize)] = t => new NormalizeModule(((Normalize)t.Spec).MeanFor(t.Input.C), ((Normalize)t.Spec).StdFor(t.Input.C)),
        [typeof(ScriptTransform)] = t => Scripted(((ScriptTransform)t.Spec).Script, t.Spec.Kind, t.Input, null),
    };

    public static IReadOnlyCollection<Type> LayerTypes => LayerBuilders.Keys;
    public static IReadOnlyCollection<Type> TransformTypes => TransformBuilders.Keys;

    /// <param name="options">Precision and dropout generator; null: fp32 with libtorch's global generator.</param>
    public static nn.Module<Tensor, Tensor> Build(PlannedLayer layer, BuildOptions? options = null) =>
        LayerBuilders.TryGetValue(layer.Spec.GetType(), out var build)
            ? build(layer, options ?? new BuildOptions())
            : throw new NotSupportedException($"no module builder for layer kind `{layer.Spec.Kind}`");

    public static nn.Module<Tensor, Tensor> Build(PlannedTransform transform) =>
        TransformBuilders.TryGetValue(transform.Spec.GetType(), out var build)
            ? build(transform)
            : throw new NotSupportedException($"no module builder for input transform `{transform.Spec.Kind}`");

    /// <summary>
    /// nn.Conv2d, initialised as PyTorch does; in a low precision an <see cref="AutocastConv2d"/>
    /// takes over its parameters (fp32 keeps the plain module, so fp32 results are unchanged).
    /// </summary>
    static nn.Module<Tensor, Tensor> Conv(Conv2dLayer c, Shape input, BuildOptions o)
    {
        var p = c.EffectivePadding;
        var conv = nn.Conv2d(input.C, c.Out, (c.Kernel.H, c.Kernel.W), stride: (c.Stride.H, c.Stride.W),
            padding: (p.H, p.W), dilation: (c.Dilation.H, c.Dilation.W), groups: c.Groups, bias: c.Bias);
        return Autocast.Dtype(o.Precision) is { } dtype ? new AutocastConv2d(conv, dtype, o.ChannelsLast, Emulate(o)) : conv;
    }

    static bool Emulate(BuildOptions o) => o.EmulateBf16 && o.Precision == Cnnexp.Spec.Model.Precision.Bf16;

    static nn.Module<Tensor, Tensor> Linear(LinearLayer l, Shape input, BuildOptions o)
    {
        var linear = nn.Linear(input.Dims[0], l.Out, hasBias: l.Bias);
        return Autocast.Dtype(o.Precision) is { } dtype ? new AutocastLinear(linear, dtype, Emulate(o)) : linear;
    }

    static nn.Module<Tensor, Tensor> Dropout(double p, bool perChannel, BuildOptions o) =>
        o.Generator is { } g ? new SeededDropout(p, perChannel, g) : perChannel ? nn.Dropout2d(p) : nn.Dropout(p);

    /// <summary>In a low precision, the module gets its input as fp32 (batch norm's statistics, a script written for fp32).</summary>
    static nn.Module<Tensor, Tensor> FloatInput(nn.Module<Tensor, Tensor> module, BuildOptions o)
    {
        if (Autocast.Dtype(o.Precision) is not null) module.register_forward_pre_hook((_, x) => Autocast.ToFloat(x));
        return module;
    }

    /// <summary>
    /// A `- script:` entry builds its module through the binding the scripting stage attached. Its
    /// input is made contiguous (NCHW) first: a script written for PyTorch's layout may call
    /// <c>view</c>, which a channels-last activation refuses, and planning probed it with NCHW.
    /// </summary>
    static nn.Module<Tensor, Tensor> Scripted(object? binding, string kind, Shape input, BuildOptions? o)
    {
        if (binding is not IModuleSource source)
            throw new InvalidOperationException($"`{kind}` entry was not bound to its compiled script; plan through Experiment.Plan");
        var module = source.Build(input);
        bool toFloat = o is not null && Autocast.Dtype(o.Precision) is not null && !source.AcceptsLowPrecision;
        module.register_forward_pre_hook((_, x) =>                     // fp32 unless the script opted in (docs/hooks.md)
        {
            var y = toFloat ? Autocast.ToFloat(x) : x;
            return y.is_contiguous() ? y : y.contiguous();
        });
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

    static nn.Module<Tensor, Tensor> Residual(PlannedLayer r, BuildOptions o) =>
        new ResidualModule(r.Name, nn.Sequential(r.Body.Select(c => (c.Name, Build(c, o))).ToArray()),
            r.Shortcut is { } s ? Build(s, o) : null);
}
