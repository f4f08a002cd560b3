using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Transforms;

namespace Cnnexp.Engine.Export;

/// <summary>
/// Each planned layer as the <c>torch.nn</c> constructor that builds what <see cref="Modules.ModuleRegistry"/>
/// builds, and each input transform as one line of forward code. One row per kind, as in the registry;
/// a test fails when a kind has no row here.
/// </summary>
public static class PyTorchLayers
{
    static readonly Dictionary<Type, Func<PlannedLayer, string>> Layers = new()
    {
        [typeof(Conv2dLayer)] = l => Conv((Conv2dLayer)l.Spec, l.Input),
        [typeof(LinearLayer)] = l => $"nn.Linear({l.Input.Dims[0]}, {((LinearLayer)l.Spec).Out}, bias={Py(((LinearLayer)l.Spec).Bias)})",
        [typeof(ReluLayer)] = _ => "nn.ReLU()",
        [typeof(LeakyReluLayer)] = l => $"nn.LeakyReLU(negative_slope={Py(((LeakyReluLayer)l.Spec).NegativeSlope)})",
        [typeof(GeluLayer)] = l => $"nn.GELU(approximate=\"{((GeluLayer)l.Spec).Approximate}\")",
        [typeof(EluLayer)] = l => $"nn.ELU(alpha={Py(((EluLayer)l.Spec).Alpha)})",
        [typeof(SigmoidLayer)] = _ => "nn.Sigmoid()",
        [typeof(TanhLayer)] = _ => "nn.Tanh()",
        [typeof(FlattenLayer)] = _ => "nn.Flatten()",
        [typeof(MaxPool2dLayer)] = l => Pool("MaxPool2d", ((MaxPool2dLayer)l.Spec).Kernel, ((MaxPool2dLayer)l.Spec).EffectiveStride, ((MaxPool2dLayer)l.Spec).Padding),
        [typeof(AvgPool2dLayer)] = l => Pool("AvgPool2d", ((AvgPool2dLayer)l.Spec).Kernel, ((AvgPool2dLayer)l.Spec).EffectiveStride, ((AvgPool2dLayer)l.Spec).Padding),
        [typeof(AdaptiveAvgPool2dLayer)] = l => $"nn.AdaptiveAvgPool2d({Py(((AdaptiveAvgPool2dLayer)l.Spec).Out)})",
        [typeof(DropoutLayer)] = l => $"nn.Dropout(p={Py(((DropoutLayer)l.Spec).P)})",
        [typeof(Dropout2dLayer)] = l => $"nn.Dropout2d(p={Py(((Dropout2dLayer)l.Spec).P)})",
        [typeof(BatchNorm1dLayer)] = l => BatchNorm("BatchNorm1d", l.Input.Dims[0], ((BatchNorm1dLayer)l.Spec).Eps, ((BatchNorm1dLayer)l.Spec).Momentum, ((BatchNorm1dLayer)l.Spec).Affine),
        [typeof(BatchNorm2dLayer)] = l => BatchNorm("BatchNorm2d", l.Input.C, ((BatchNorm2dLayer)l.Spec).Eps, ((BatchNorm2dLayer)l.Spec).Momentum, ((BatchNorm2dLayer)l.Spec).Affine),
        [typeof(ResidualLayer)] = Residual,
    };

    /// <summary>Forward code for each transform, applied to <c>x</c> (N, C, H, W); same float operations as the engine's modules.</summary>
    static readonly Dictionary<Type, Func<PlannedTransform, string>> Transforms = new()
    {
        [typeof(ChannelSum)] = _ => "x.sum(dim=1, keepdim=True)",
        [typeof(ChannelMean)] = _ => "x.mean(dim=1, keepdim=True)",
        [typeof(Grayscale)] = _ => $"(x * x.new_tensor({Py(Grayscale.Weights)}).view(1, -1, 1, 1)).sum(dim=1, keepdim=True)",
        [typeof(ChannelSelect)] = t => $"x[:, {Py(((ChannelSelect)t.Spec).Channels)}]",
        [typeof(ChannelPermute)] = t => $"x[:, {Py(((ChannelPermute)t.Spec).Order)}]",
        [typeof(Normalize)] = t => Normalize((Normalize)t.Spec, t.Input.C),
    };

    public static IReadOnlyCollection<Type> LayerTypes => Layers.Keys;
    public static IReadOnlyCollection<Type> TransformTypes => Transforms.Keys;

    /// <summary>The constructor expression, e.g. <c>nn.Conv2d(3, 8, kernel_size=(3, 3), …)</c>.</summary>
    public static string Constructor(PlannedLayer layer) =>
        Layers.TryGetValue(layer.Spec.GetType(), out var write) ? write(layer) : throw NotExportable(layer.Spec.Kind, layer.Name, layer.Spec);

    /// <summary>The transform applied to <c>x</c>, e.g. <c>x.sum(dim=1, keepdim=True)</c>.</summary>
    public static string Forward(PlannedTransform transform) =>
        Transforms.TryGetValue(transform.Spec.GetType(), out var write) ? write(transform) : throw NotExportable("input transform", transform.Spec.Kind, transform.Spec);

    static ExportException NotExportable(string what, string name, Spec.Binding.SpecNode node) => new(
        $"{(node.Where is { } at ? at + ": " : "")}{what} `{name}` cannot be written as PyTorch code" +
        (node is ScriptLayer or ScriptTransform ? ": it is a C# script, whose module only TorchSharp can run" : ""));

    static string Conv(Conv2dLayer c, Shape input) =>
        $"nn.Conv2d({input.C}, {c.Out}, kernel_size={Py(c.Kernel)}, stride={Py(c.Stride)}, padding={Py(c.EffectivePadding)}, " +
        $"dilation={Py(c.Dilation)}, groups={c.Groups}, bias={Py(c.Bias)})";

    static string Pool(string kind, IntPair kernel, IntPair stride, IntPair padding) =>
        $"nn.{kind}(kernel_size={Py(kernel)}, stride={Py(stride)}, padding={Py(padding)})";

    static string BatchNorm(string kind, int features, double eps, double momentum, bool affine) =>
        $"nn.{kind}({features}, eps={Py(eps)}, momentum={Py(momentum)}, affine={Py(affine)})";

    static string Normalize(Normalize n, int channels) =>
        $"(x - x.new_tensor({Py(n.MeanFor(channels))}).view(1, -1, 1, 1)) / x.new_tensor({Py(n.StdFor(channels))}).view(1, -1, 1, 1)";

    /// <summary>
    /// <c>Residual(body, projection)</c>: the same submodule names as the engine's ResidualModule
    /// (<c>body.NAME</c>, <c>projection</c>), so its parameters load under the same keys.
    /// </summary>
    static string Residual(PlannedLayer r)
    {
        var body = r.Body.Select(c => $"(\"{c.Name}\", {Constructor(c)})");
        string projection = r.Shortcut is { } s ? Constructor(s) : "None";
        return $"Residual(nn.Sequential(OrderedDict([{string.Join(", ", body)}])), projection={projection})";
    }

    static string Py(bool b) => b ? "True" : "False";
    static string Py(double d) => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    static string Py(IntPair p) => $"({p.H}, {p.W})";
    static string Py(IEnumerable<int> values) => $"[{string.Join(", ", values)}]";
    static string Py(IEnumerable<double> values) => $"[{string.Join(", ", values.Select(Py))}]";
}
