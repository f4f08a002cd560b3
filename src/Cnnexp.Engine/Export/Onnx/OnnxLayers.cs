using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Transforms;
using static Cnnexp.Engine.Export.OnnxGraph;

namespace Cnnexp.Engine.Export;

/// <summary>
/// Each planned layer and input transform as the ONNX opset-17 nodes that compute what
/// <see cref="Modules.ModuleRegistry"/>'s module computes in eval mode. One row per kind, as in the
/// registry; a test fails when a kind has no row here.
/// </summary>
static class OnnxLayers
{
    /// <summary>A row: <c>(graph, layer, state_dict prefix such as <c>res1.body.conv1</c>, input value) → output value</c>.</summary>
    delegate string LayerRow(OnnxGraph g, PlannedLayer l, string key, string x);

    static readonly Dictionary<Type, LayerRow> Layers = new()
    {
        [typeof(Conv2dLayer)] = Conv,
        [typeof(LinearLayer)] = (g, l, key, x) => g.Node("Gemm", key,                          // (N, in) x (out, in)^T + (out)
            ((LinearLayer)l.Spec).Bias ? [x, g.Weight(key + ".weight"), g.Weight(key + ".bias")] : [x, g.Weight(key + ".weight")], Int("transB", 1)),
        [typeof(ReluLayer)] = (g, _, key, x) => g.Node("Relu", key, [x]),
        [typeof(LeakyReluLayer)] = (g, l, key, x) => g.Node("LeakyRelu", key, [x], Float("alpha", ((LeakyReluLayer)l.Spec).NegativeSlope)),
        [typeof(GeluLayer)] = (g, l, key, x) => ((GeluLayer)l.Spec).Approximate == "tanh" ? GeluTanh(g, key, x) : GeluErf(g, key, x),
        [typeof(EluLayer)] = (g, l, key, x) => g.Node("Elu", key, [x], Float("alpha", ((EluLayer)l.Spec).Alpha)),
        [typeof(SigmoidLayer)] = (g, _, key, x) => g.Node("Sigmoid", key, [x]),
        [typeof(TanhLayer)] = (g, _, key, x) => g.Node("Tanh", key, [x]),
        [typeof(FlattenLayer)] = (g, _, key, x) => g.Node("Flatten", key, [x], Int("axis", 1)),   // (N, C, H, W) -> (N, C*H*W)
        [typeof(MaxPool2dLayer)] = (g, l, key, x) =>
            Pool(g, "MaxPool", key, x, ((MaxPool2dLayer)l.Spec).Kernel, ((MaxPool2dLayer)l.Spec).EffectiveStride, ((MaxPool2dLayer)l.Spec).Padding),
        [typeof(AvgPool2dLayer)] = (g, l, key, x) =>        // PyTorch's default count_include_pad=True
            Pool(g, "AveragePool", key, x, ((AvgPool2dLayer)l.Spec).Kernel, ((AvgPool2dLayer)l.Spec).EffectiveStride, ((AvgPool2dLayer)l.Spec).Padding,
                Int("count_include_pad", 1)),
        [typeof(AdaptiveAvgPool2dLayer)] = AdaptiveAvgPool,
        [typeof(DropoutLayer)] = (_, _, _, x) => x,        // the identity in eval mode
        [typeof(Dropout2dLayer)] = (_, _, _, x) => x,
        [typeof(BatchNorm1dLayer)] = (g, l, key, x) => BatchNorm(g, key, x, l.Input.Dims[0], ((BatchNorm1dLayer)l.Spec).Eps, ((BatchNorm1dLayer)l.Spec).Affine),
        [typeof(BatchNorm2dLayer)] = (g, l, key, x) => BatchNorm(g, key, x, l.Input.C, ((BatchNorm2dLayer)l.Spec).Eps, ((BatchNorm2dLayer)l.Spec).Affine),
        [typeof(ResidualLayer)] = Residual,
        [typeof(ScriptLayer)] = Scripted,
    };

    delegate string TransformRow(OnnxGraph g, PlannedTransform t, string scope, string x);

    /// <summary>Each transform on the raw input (N, C, H, W), with the engine's float32 operations.</summary>
    static readonly Dictionary<Type, TransformRow> Transforms = new()
    {
        [typeof(ChannelSum)] = (g, _, scope, x) => g.Node("ReduceSum", scope, [x, g.Constant(scope, [1], [1L])], Int("keepdims", 1)),   // (N, 1, H, W)
        [typeof(ChannelMean)] = (g, _, scope, x) => g.Node("ReduceMean", scope, [x], Ints("axes", 1), Int("keepdims", 1)),
        [typeof(Grayscale)] = (g, t, scope, x) => g.Node("ReduceSum", scope,
            [g.Node("Mul", scope, [x, PerChannel(g, scope, Grayscale.Weights)]), g.Constant(scope, [1], [1L])], Int("keepdims", 1)),
        [typeof(ChannelSelect)] = (g, t, scope, x) => Gather(g, scope, x, ((ChannelSelect)t.Spec).Channels),
        [typeof(ChannelPermute)] = (g, t, scope, x) => Gather(g, scope, x, ((ChannelPermute)t.Spec).Order),
        [typeof(Normalize)] = (g, t, scope, x) => g.Node("Div", scope,
            [g.Node("Sub", scope, [x, PerChannel(g, scope, ((Normalize)t.Spec).MeanFor(t.Input.C))]), PerChannel(g, scope, ((Normalize)t.Spec).StdFor(t.Input.C))]),
    };

    public static IReadOnlyCollection<Type> LayerTypes => Layers.Keys;
    public static IReadOnlyCollection<Type> TransformTypes => Transforms.Keys;

    public static bool Has(PlannedLayer layer) =>
        layer.Spec is ScriptLayer s ? s.Script is Modules.IModuleSource { WritesOnnx: true } : Layers.ContainsKey(layer.Spec.GetType());
    public static bool Has(PlannedTransform transform) => Transforms.ContainsKey(transform.Spec.GetType());

    public static string Layer(OnnxGraph g, PlannedLayer layer, string key, string x) => Layers[layer.Spec.GetType()](g, layer, key, x);

    public static string Transform(OnnxGraph g, PlannedTransform transform, string scope, string x) =>
        Transforms[transform.Spec.GetType()](g, transform, scope, x);

    static string Conv(OnnxGraph g, PlannedLayer l, string key, string x)
    {
        var c = (Conv2dLayer)l.Spec;
        var p = c.EffectivePadding;
        string[] inputs = c.Bias ? [x, g.Weight(key + ".weight"), g.Weight(key + ".bias")] : [x, g.Weight(key + ".weight")];
        return g.Node("Conv", key, inputs, Ints("kernel_shape", c.Kernel.H, c.Kernel.W), Ints("strides", c.Stride.H, c.Stride.W),
            Ints("pads", p.H, p.W, p.H, p.W), Ints("dilations", c.Dilation.H, c.Dilation.W), Int("group", c.Groups));
    }

    static string Pool(OnnxGraph g, string op, string key, string x, IntPair kernel, IntPair stride, IntPair padding, params Onnx.AttributeProto[] more) =>
        g.Node(op, key, [x], [Ints("kernel_shape", kernel.H, kernel.W), Ints("strides", stride.H, stride.W),
            Ints("pads", padding.H, padding.W, padding.H, padding.W), Int("ceil_mode", 0), .. more]);

    /// <summary>
    /// (N, C, H, W) -> (N, C, h, w). Global pooling for 1x1; otherwise two averaging matrices,
    /// Ph · x · Pwᵀ, whose rows hold 1/size over PyTorch's windows [floor(i·H/h), ceil((i+1)·H/h)).
    /// </summary>
    static string AdaptiveAvgPool(OnnxGraph g, PlannedLayer l, string key, string x)
    {
        var o = ((AdaptiveAvgPool2dLayer)l.Spec).Out;
        if (o.H == 1 && o.W == 1) return g.Node("GlobalAveragePool", key, [x]);
        string rows = g.Node("MatMul", key, [x, g.Constant(key, [l.Input.W, o.W], Transpose(Windows(l.Input.W, o.W), o.W, l.Input.W))]);   // (N, C, H, w)
        return g.Node("MatMul", key, [g.Constant(key, [o.H, l.Input.H], Windows(l.Input.H, o.H)), rows]);                                  // (N, C, h, w)
    }

    /// <summary>(outputs, inputs), row-major: 1/size inside output i's window.</summary>
    static float[] Windows(int inputs, int outputs)
    {
        var m = new float[outputs * inputs];
        for (int i = 0; i < outputs; i++)
        {
            int start = i * inputs / outputs, end = ((i + 1) * inputs + outputs - 1) / outputs;
            for (int j = start; j < end; j++) m[i * inputs + j] = 1f / (end - start);
        }
        return m;
    }

    static float[] Transpose(float[] m, int rows, int cols)
    {
        var t = new float[m.Length];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) t[j * rows + i] = m[i * cols + j];
        return t;
    }

    /// <summary>Eval mode: the running statistics; without <c>affine</c>, a scale of 1 and a shift of 0.</summary>
    static string BatchNorm(OnnxGraph g, string key, string x, int features, double eps, bool affine)
    {
        string scale = affine ? g.Weight(key + ".weight") : g.Constant(key, [features], Enumerable.Repeat(1f, features).ToArray());
        string bias = affine ? g.Weight(key + ".bias") : g.Constant(key, [features], new float[features]);
        return g.Node("BatchNormalization", key, [x, scale, bias, g.Weight(key + ".running_mean"), g.Weight(key + ".running_var")],
            Float("epsilon", eps));
    }

    /// <summary>
    /// A `- script:` layer whose build supplied its nodes (<c>LayerBuild.Onnx</c>): the script writes them
    /// through <see cref="ScriptGraph"/>, which scopes its names and finds its weights under the layer's key.
    /// </summary>
    static string Scripted(OnnxGraph g, PlannedLayer l, string key, string x)
    {
        var script = (ScriptLayer)l.Spec;
        if (!g.Modules.TryGetValue(key, out var module) || module is not TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> m
            || script.Script is not Modules.IModuleSource source || source.OnnxFor(m) is not { } nodes)
            throw new ExportException($"{script.Where}: script layer `{key}` gives no ONNX nodes for this module (set `Onnx` in its LayerBuild)");
        try
        {
            string y = nodes(new ScriptGraph(g, key), x);
            if (string.IsNullOrEmpty(y)) throw new ExportException($"{script.Where}: script layer `{key}`'s ONNX nodes return no output name");
            return y;
        }
        catch (Exception e) when (e is not ExportException)
        {
            throw new ExportException($"{script.Where}: script layer `{key}` failed writing its ONNX nodes: {e.GetType().Name}: {e.Message}");
        }
        catch (ExportException e) when (script.Where is { } at && !e.Message.StartsWith(at.ToString(), StringComparison.Ordinal))
        {
            throw new ExportException($"{at}: {e.Message}");
        }
    }

    /// <summary>The graph as a script sees it: nodes scoped under the layer's key, weights looked up as <c>KEY.NAME</c>.</summary>
    sealed class ScriptGraph(OnnxGraph g, string key) : Spec.Scripts.IOnnxGraph
    {
        public string Node(string op, IReadOnlyList<string> inputs, params Spec.Scripts.OnnxAttribute[] attributes) =>
            g.Node(op, key, inputs, attributes.Select(Attribute).ToArray());

        public string Weight(string name)
        {
            try { return g.Weight($"{key}.{name}"); }
            catch (InvalidOperationException) { throw new ExportException($"script layer `{key}` asks for weight `{name}`, which its module does not have"); }
        }

        public string Constant(long[] shape, float[] values) => g.Constant(key, shape, values);
        public string Constant(long[] shape, long[] values) => g.Constant(key, shape, values);
    }

    /// <summary>body(x) + x, or body(x) + projection(x): the keys of the engine's ResidualModule (<c>NAME.body.CHILD</c>, <c>NAME.projection</c>).</summary>
    static string Residual(OnnxGraph g, PlannedLayer r, string key, string x)
    {
        string y = x;
        foreach (var child in r.Body) y = Layer(g, child, Modules.ResidualModule.BodyKey(key, child.Name), y);
        string skip = r.Shortcut is { } s ? Layer(g, s, Modules.ResidualModule.ProjectionKey(key), x) : x;
        return g.Node("Add", key, [y, skip]);
    }

    /// <summary>PyTorch's exact GELU, x · ½ · (1 + erf(x / √2)); opset 17 has no Gelu op.</summary>
    static string GeluErf(OnnxGraph g, string key, string x)
    {
        string erf = g.Node("Erf", key, [g.Node("Mul", key, [x, Scalar(g, key, 1 / Math.Sqrt(2))])]);
        return g.Node("Mul", key, [g.Node("Mul", key, [x, Scalar(g, key, 0.5)]), g.Node("Add", key, [erf, Scalar(g, key, 1)])]);
    }

    /// <summary>PyTorch's tanh GELU, x · ½ · (1 + tanh(√(2/π) · (x + 0.044715 x³))).</summary>
    static string GeluTanh(OnnxGraph g, string key, string x)
    {
        string cube = g.Node("Mul", key, [g.Node("Mul", key, [x, x]), x]);
        string inner = g.Node("Add", key, [x, g.Node("Mul", key, [cube, Scalar(g, key, 0.044715)])]);
        string tanh = g.Node("Tanh", key, [g.Node("Mul", key, [inner, Scalar(g, key, Math.Sqrt(2 / Math.PI))])]);
        return g.Node("Mul", key, [g.Node("Mul", key, [x, Scalar(g, key, 0.5)]), g.Node("Add", key, [tanh, Scalar(g, key, 1)])]);
    }

    static string Scalar(OnnxGraph g, string scope, double value) => g.Constant(scope, [], [(float)value]);

    /// <summary>(1, C, 1, 1), broadcast over (N, C, H, W), in float32 as the engine's buffers.</summary>
    static string PerChannel(OnnxGraph g, string scope, IReadOnlyList<double> values) =>
        g.Constant(scope, [1, values.Count, 1, 1], values.Select(v => (float)v).ToArray());

    static string Gather(OnnxGraph g, string scope, string x, IReadOnlyList<int> channels) =>   // (N, C, H, W) -> (N, k, H, W)
        g.Node("Gather", scope, [x, g.Constant(scope, [channels.Count], channels.Select(c => (long)c).ToArray())], Int("axis", 1));
}
