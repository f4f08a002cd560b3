using Cnnexp.Engine.Modules;
using Cnnexp.Engine.Native;
using Cnnexp.Spec;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Transforms;
using Cnnexp.Spec.Yaml;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Tests;

/// <summary>
/// Every layer and input transform, over a spread of settings: the TorchSharp module the registry
/// builds produces exactly the shape the planner computed by arithmetic. One row per case; adding
/// a layer kind adds rows here (a test below fails until it has one).
/// </summary>
public class PlannedShapeTests
{
    public static TheoryData<string, string> LayerCases => new()
    {
        { "conv2d: { out: 8, kernel: 3, padding: 1 }", "3x32x32" },
        { "conv2d: { out: 4, kernel: 5 }", "3x9x9" },
        { "conv2d: { out: 6, kernel: [3, 5], stride: [2, 1], padding: [1, 2] }", "2x11x7" },
        { "conv2d: { out: 4, kernel: 3, padding: same, dilation: 2 }", "1x10x12" },
        { "conv2d: { out: 8, kernel: 3, groups: 4, bias: false }", "4x6x6" },
        { "conv2d: { out: 2, kernel: 1, stride: 3, padding: valid }", "5x10x10" },
        { "linear: { out: 7 }", "13" },
        { "linear: { out: 1, bias: false, in: 4 }", "4" },
        { "relu", "3x4x4" },
        { "leaky_relu: 0.2", "6" },
        { "gelu", "2x3x3" },
        { "gelu: tanh", "5" },
        { "elu: { alpha: 0.5 }", "2x3x3" },
        { "sigmoid", "9" },
        { "tanh", "1x2x2" },
        { "maxpool2d: 2", "3x9x9" },
        { "maxpool2d: { kernel: 3, stride: 2, padding: 1 }", "2x10x7" },
        { "avgpool2d: 2", "3x8x8" },
        { "avgpool2d: { kernel: [2, 3], stride: 1, padding: [1, 1] }", "2x5x6" },
        { "adaptive_avgpool2d: 1", "4x7x7" },
        { "adaptive_avgpool2d: [2, 3]", "2x9x10" },
        { "flatten", "3x4x5" },
        { "flatten", "7" },
        { "dropout: 0.3", "3x4x4" },
        { "dropout2d", "3x4x4" },
        { "batchnorm1d", "12" },
        { "batchnorm1d: { affine: false, eps: 0.001 }", "5" },
        { "batchnorm2d", "4x5x5" },
        { "batchnorm2d: { momentum: 0.01, in: 3 }", "3x2x2" },
        { "residual: [conv2d: { out: 4, kernel: 3, padding: same }, relu]", "4x8x8" },
        { "residual: [conv2d: { out: 8, kernel: 3, padding: 1, stride: 2 }, batchnorm2d]", "4x9x9" },
        { "residual: [conv2d: { out: 6, kernel: 1, stride: [1, 3] }]", "2x5x10" },
        { "residual: [linear: { out: 9 }, relu]", "9" },
        { "residual: [linear: { out: 3 }]", "9" },
        { "residual: [residual: [conv2d: { out: 3, kernel: 3, padding: 1 }], maxpool2d: 2]", "3x8x8" },
        { "repeat: { times: 3, layers: [conv2d: { out: 5, kernel: 3 }, relu] }", "2x12x12" },
    };

    public static TheoryData<string, string> TransformCases => new()
    {
        { "channel_sum", "3x8x8" },
        { "channel_mean", "3x5x7" },
        { "channel_mean", "1x4x4" },
        { "grayscale", "3x6x6" },
        { "channel_select: [0, 2]", "3x4x4" },
        { "channel_select: [2]", "3x4x5" },
        { "channel_select: { channels: [1, 0, 3] }", "4x3x3" },
        { "channel_permute: [2, 1, 0]", "3x4x4" },
        { "channel_permute: [1, 0]", "2x3x3" },
        { "normalize: { mean: [0.5, 0.4, 0.3], std: [0.2, 0.2, 0.25] }", "3x4x4" },
        { "normalize: { mean: [0.5], std: [0.25] }", "2x4x4" },
    };

    [Theory, MemberData(nameof(LayerCases))]
    public void Built_layer_output_shape_equals_planned_shape(string yaml, string input)
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        var planned = Plan(yaml, ParseShape(input));
        using var scope = NewDisposeScope();
        var x = randn(planned[0].Input.WithBatch(2), generator: TestRandom.Generator);                          // (N, C, H, W) or (N, F)
        foreach (var layer in planned)
        {
            var module = ModuleRegistry.Build(layer);
            x = module.forward(x);
            Assert.Equal(layer.Output.WithBatch(2), x.shape);
        }
    }

    [Theory, MemberData(nameof(TransformCases))]
    public void Built_transform_output_shape_equals_planned_shape(string yaml, string input)
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        var diagnostics = new DiagnosticBag();
        var spec = Transforms.Registry.BindOne(Yaml(yaml), "t", SpecLoader.NewBinder(diagnostics))!;
        var shape = ParseShape(input);
        var check = spec.Infer(shape);
        Assert.True(check.IsOk, check.Error);
        using var scope = NewDisposeScope();
        var y = ModuleRegistry.Build(new PlannedTransform(spec, shape, check.Output!)).forward(rand(shape.WithBatch(3), generator: TestRandom.Generator));
        Assert.Equal(check.Output!.WithBatch(3), y.shape);
    }

    [Fact]
    public void Every_kind_has_a_builder_and_a_row()
    {
        var layerRows = LayerCases.Select(r => Kind((string)r[0])).ToHashSet();
        foreach (var kind in Layers.Registry.All.Where(k => k.Type != typeof(BlockLayer)))   // blocks expand before planning
        {
            // Script layers' shapes come from compiled scripts, checked on a zero batch when planned (Cnnexp.Scripting.Tests).
            if (kind.Type != typeof(ScriptLayer)) Assert.Contains(kind.Name, layerRows);
            if (kind.Type != typeof(RepeatLayer)) Assert.Contains(kind.Type, ModuleRegistry.LayerTypes);
        }
        var transformRows = TransformCases.Select(r => Kind((string)r[0])).ToHashSet();
        foreach (var kind in Transforms.Registry.All)
        {
            if (kind.Type != typeof(ScriptTransform)) Assert.Contains(kind.Name, transformRows);
            Assert.Contains(kind.Type, ModuleRegistry.TransformTypes);
        }
    }

    [Fact]
    public void Grayscale_uses_bt601_weights_and_channel_permute_reorders()
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        using var scope = NewDisposeScope();
        var pixel = tensor(new float[] { 1, 0.5f, 0.25f }).reshape(1, 3, 1, 1);         // (N, C, H, W)
        var gray = ModuleRegistry.Build(new PlannedTransform(new Grayscale(), Shape.Image(3, 1, 1), Shape.Image(1, 1, 1))).forward(pixel);
        Assert.Equal(0.299 + 0.587 * 0.5 + 0.114 * 0.25, gray.item<float>(), 5);
        var bgr = ModuleRegistry.Build(new PlannedTransform(new ChannelPermute { Order = [2, 1, 0] }, Shape.Image(3, 1, 1), Shape.Image(3, 1, 1)))
            .forward(pixel);
        Assert.Equal(new[] { 0.25f, 0.5f, 1f }, bgr.data<float>().ToArray());
    }

    static IReadOnlyList<PlannedLayer> Plan(string yaml, Shape input)
    {
        var diagnostics = new DiagnosticBag();
        var layers = Layers.Registry.BindList(Yaml($"[{yaml}]"), "layers", SpecLoader.NewBinder(diagnostics));
        var expanded = BlockExpander.Expand(layers, new Dictionary<string, Cnnexp.Spec.Model.BlockSpec>(), diagnostics);
        var planned = Planner.PlanStack("t", LayerNamer.Name(expanded, "t", diagnostics, reportDuplicates: true), input, diagnostics);
        Assert.True(planned is not null && !diagnostics.HasErrors, DiagnosticFormatter.FormatAll(diagnostics.Items));
        return planned!;
    }

    static YNode Yaml(string text) => YamlReader.Read(text, "case.yaml", new DiagnosticBag())!;

    static string Kind(string yaml) => yaml.Split(':', 2)[0].Trim();

    static Shape ParseShape(string s) => new(s.Split('x').Select(int.Parse).ToArray());
}
