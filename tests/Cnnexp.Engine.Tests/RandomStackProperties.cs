using System.Text;
using Cnnexp.Engine.Modules;
using Cnnexp.Engine.Native;
using Cnnexp.Spec;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Yaml;
using FsCheck.Xunit;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Tests;

/// <summary>
/// Random valid stacks, written as YAML and taken through the real loader and planner, build into
/// TorchSharp modules whose every output shape equals the planned one. The generator proposes
/// layers from the choice bytes and keeps those whose declared shape rule accepts the running
/// shape, so stacks mix convolutions, pooling, residuals, normalisation and linear heads.
/// </summary>
public class RandomStackProperties
{
    static readonly string[] Inputs = ["", "[channel_sum]", "[grayscale]", "[channel_select: [2, 0]]", "[channel_permute: [1, 2, 0]]",
        "[normalize: { mean: [0.5], std: [0.25] }, channel_mean]"];

    static readonly Func<byte, string>[] Image =
    [
        b => $"conv2d: {{ out: {1 + b % 6}, kernel: {1 + b % 5}, stride: {1 + b / 128}, padding: {b % 3} }}",
        b => $"conv2d: {{ out: {1 + b % 4}, kernel: {1 + 2 * (b % 3)}, padding: same, dilation: {1 + b % 2} }}",
        b => $"maxpool2d: {{ kernel: {2 + b % 2}, padding: {b % 2} }}",
        b => $"avgpool2d: {{ kernel: [{1 + b % 3}, {2 + b % 2}], stride: 1 }}",
        b => $"adaptive_avgpool2d: [{1 + b % 4}, {1 + b % 3}]",
        b => $"residual: [conv2d: {{ out: {2 + b % 5}, kernel: 3, stride: {1 + b % 2}, padding: 1 }}, batchnorm2d, relu]",
        b => new[] { "relu", "gelu", "elu", "tanh", "sigmoid", "leaky_relu: 0.1", "dropout2d: 0.2", "batchnorm2d" }[b % 8],
    ];

    static readonly Func<byte, string>[] Flat =
    [
        b => $"linear: {{ out: {1 + b % 24}, bias: {(b % 2 == 0 ? "true" : "false")} }}",
        b => "residual: [linear: { out: " + (1 + b % 9) + " }, relu]",
        b => new[] { "relu", "gelu", "dropout: 0.3", "batchnorm1d", "tanh" }[b % 5],
    ];

    [Fact]
    public void Generator_builds_varied_stacks()
    {
        var rng = new Random(7);
        var stacks = Enumerable.Range(0, 50).Select(_ => Generate((byte)rng.Next(256), Enumerable.Range(0, 10).Select(_ => (byte)rng.Next(256)).ToArray())).ToList();
        double mean = stacks.Average(s => s.Split("\n      - ").Length - 1);
        Assert.True(mean > 6, $"stacks average only {mean:F1} layers");
        foreach (var kind in new[] { "conv2d", "residual", "maxpool2d", "batchnorm", "linear: { out: 10 }", "adaptive_avgpool2d", "channel_" })
            Assert.Contains(stacks, s => s.Contains(kind));
    }

    [Property(MaxTest = 60)]
    public void Random_valid_stacks_build_with_the_planned_shapes(byte input, byte[] choices)
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        string yaml = Generate(input, choices);
        var load = SpecLoader.LoadText(yaml, "random.yaml");
        Assert.True(load.Ok, yaml + "\n" + load.FormatDiagnostics());
        var diagnostics = new DiagnosticBag();
        var plan = Planner.Plan(load.Spec!, diagnostics);
        Assert.True(plan is not null, yaml + "\n" + DiagnosticFormatter.FormatAll(diagnostics.Items, load.Sources));
        var model = plan!.Models[0];

        using var scope = NewDisposeScope();
        var x = rand(model.Input.WithBatch(2), generator: TestRandom.Generator);                                    // (N, C, H, W)
        foreach (var t in model.Transforms) x = ModuleRegistry.Build(t).forward(x);
        Assert.Equal(model.LayerInput.WithBatch(2), x.shape);
        foreach (var layer in model.Layers)
        {
            x = ModuleRegistry.Build(layer).forward(x);
            Assert.True(layer.Output.WithBatch(2).SequenceEqual(x.shape), $"{layer.Name}: planned {layer.Output}, built {string.Join("x", x.shape.Skip(1))}\n{yaml}");
        }
        Assert.Equal(new long[] { 2, 10 }, x.shape);
        Assert.Equal(model.Parameters, ModelBuilder.Build(model).parameters().Sum(p => p.numel()));
    }

    /// <summary>A synthetic-data spec whose stack is chosen by the bytes, keeping only layers that fit.</summary>
    static string Generate(byte input, byte[] choices)
    {
        var shape = Shape.Image(3, 32, 32);
        string transforms = Inputs[input % Inputs.Length];
        var layers = new List<string>();
        var diagnostics = new DiagnosticBag();
        if (transforms.Length > 0)
            foreach (var t in Cnnexp.Spec.Transforms.Transforms.Registry.BindList(Read(transforms), "input", SpecLoader.NewBinder(diagnostics)))
                shape = t.Infer(shape).Output!;
        foreach (byte b in choices.Take(10))
        {
            bool flatten = shape.IsImage && b % 7 == 6;
            string proposal = flatten ? "flatten" : shape.IsImage ? Image[b % Image.Length](b) : Flat[b % Flat.Length](b);
            var layer = Cnnexp.Spec.Layers.Layers.Registry.BindOne(Read(proposal.Contains(':') ? $"{{ {proposal} }}" : proposal),
                "l", SpecLoader.NewBinder(diagnostics));
            var check = layer?.Infer(shape);
            if (check is not { IsOk: true } || check.Output!.Elements > 4096) continue;
            layers.Add(proposal);
            shape = check.Output!;
        }
        if (shape.IsImage) layers.Add("flatten");
        layers.Add("linear: { out: 10 }");
        var sb = new StringBuilder("name: random\nmodels:\n  m:\n");
        if (transforms.Length > 0) sb.Append("    input: ").Append(transforms).Append('\n');
        sb.Append("    layers:\n");
        foreach (var l in layers) sb.Append("      - ").Append(l).Append('\n');
        return sb.ToString();
    }

    static YNode Read(string text) => YamlReader.Read(text, "gen", new DiagnosticBag())!;
}
