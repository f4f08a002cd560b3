using static Cnnexp.Spec.Tests.SpecHelpers;

namespace Cnnexp.Spec.Tests;

/// <summary>blocks, repeat and residual: VGG- and ResNet-style stacks.</summary>
public class CompositionTests
{
    const string Vgg = """
        name: t
        blocks:
          stage: [conv2d: { out: 16, padding: same }, relu, conv2d: { name: last, out: 16, padding: same }, relu, maxpool2d: 2]
        models:
          vgg:
            layers:
              - block: { use: stage, name: s1 }
              - block: { use: stage, name: s2 }
              - repeat: { times: 2, layers: [conv2d: { name: extra, out: 8, padding: same }, relu] }
              - flatten
              - linear: { out: 10 }
        """;

    [Fact]
    public void Blocks_and_repeats_expand_with_prefixed_and_numbered_names()
    {
        var vgg = Plan(Vgg).Model("vgg");
        Assert.Equal(["conv1", "relu1", "s1_last", "relu2", "maxpool1", "conv2", "relu3", "s2_last", "relu4", "maxpool2",
                      "extra_1", "relu5", "extra_2", "relu6", "flatten1", "linear1"], Names(vgg));
        Assert.Equal("16x8x8", vgg.Layers[9].Output.ToString());
        Assert.Equal("512", vgg.Layers[14].Output.ToString());
    }

    [Fact]
    public void Sweeps_address_layers_named_inside_blocks()
    {
        var plan = Plan(Vgg + "\n    sweep: { s2_last.out: [4, 32] }\n");
        Assert.Equal(["vgg[s2_last.out=4]", "vgg[s2_last.out=32]"], plan.Models.Select(m => m.Name));
        Assert.Equal("4x16x16", plan.Models[0].Layers[7].Output.ToString());
        Assert.Equal(4, plan.Models[0].Layers[10].Input.C);              // extra_1 sees s2_last's 4 channels
    }

    [Fact]
    public void Residual_with_downsampling_gets_a_strided_projection_counted_in_totals()
    {
        var m = Plan("""
            name: t
            models:
              r:
                layers:
                  - residual:
                      - conv2d: { out: 8, kernel: 3, stride: 2, padding: 1 }
                      - relu
                  - adaptive_avgpool2d: 1
                  - flatten
                  - linear: { out: 10 }
            """).Model("r");
        var res = m.Layers[0];
        Assert.Equal("8x16x16", res.Output.ToString());
        Assert.Equal(["conv1", "relu1"], res.Body.Select(l => l.Name));
        var projection = Assert.IsType<Cnnexp.Spec.Layers.Conv2dLayer>(res.Shortcut!.Spec);
        Assert.Equal(2, projection.Stride.H);
        Assert.Equal(8 * 3 * 9 + 8 + 8 * 3, res.Parameters);
        Assert.Equal(res.Parameters + 8 * 10 + 10, m.Parameters);
        Assert.Equal(["residual1", "conv1", "relu1", "residual1_projection", "adaptive_avgpool1", "flatten1", "linear1"],
            m.AllLayers.Select(l => l.Name));
    }

    [Fact]
    public void Shorthand_values_bind_to_the_declared_field()
    {
        var m = Plan("""
            name: t
            models:
              a:
                input: [channel_select: [2, 0]]
                layers: [conv2d: { out: 4, padding: same }, leaky_relu: 0.2, dropout: 0.1, avgpool2d: 4, gelu: tanh, flatten, linear: { out: 10 }]
            """).Model("a");
        Assert.Equal("2x32x32", m.Transforms[0].Output.ToString());
        Assert.Equal(0.2, ((Cnnexp.Spec.Layers.LeakyReluLayer)m.Layers[1].Spec).NegativeSlope);
        Assert.Equal("4x8x8", m.Layers[3].Output.ToString());
        Assert.Equal("tanh", ((Cnnexp.Spec.Layers.GeluLayer)m.Layers[4].Spec).Approximate);
    }
}
