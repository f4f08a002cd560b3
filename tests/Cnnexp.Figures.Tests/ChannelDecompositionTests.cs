using Cnnexp.Engine.Artefacts;
using Cnnexp.Engine.Data;
using Cnnexp.Engine.Modules;
using Cnnexp.Engine.Native;
using Cnnexp.Results;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cnnexp.Figures.Tests;

/// <summary>The notebook's check, on trained weights: per-channel convolutions plus the bias add up to the layer's output.</summary>
[Collection("real run")]
public class ChannelDecompositionTests(RealRun run)
{
    [Fact]
    public void On_trained_weights_the_channel_contributions_plus_bias_equal_the_layer_output()
    {
        NativeRuntime.EnsureLoaded(1);
        var plan = Experiment.Plan(Experiment.Parse(RealRun.Spec).Spec!).Plan!;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var model = ModelBuilder.Build(plan.Model("standard"));
        model.load(UnitPaths.For(run.Dir, "standard", 1).LastWeights);                        // seed 1's trained weights
        model.eval();
        var conv = (Conv2d)model.children().First();
        using var data = DatasetLoader.Load(plan.Spec.Data);
        var x = Batches.Of(data.Test, [0, 1, 2, 3, 4, 5, 6, 7], 8).First().Images;            // (8, 3, 32, 32)
        using var d = ChannelDecomposition.Compute(conv, x);

        Assert.Equal([3L, 8, 8, 32, 32], d.Contributions.shape);
        Assert.True(d.MaxAbsDifference < 1e-5, $"max |sum + bias − output| = {d.MaxAbsDifference}");
        // The notebook's own line for the red channel of filter 0 gives the same map.
        var w = conv.weight!.detach();
        var red = nn.functional.conv2d(x[.., 0..1], w[0..1, 0..1], null, [1, 1], [1, 1], [1, 1], 1);         // (8, 1, 32, 32)
        Assert.True((red - d.Contributions[0][.., 0..1]).abs().max().item<float>() < 1e-6);
        // The check has teeth: leaving out the bias is visibly wrong.
        double withoutBias = (d.Sum - d.Bias.view(1, -1, 1, 1) - d.Output).abs().max().item<float>();
        Assert.True(withoutBias > 1e-3, $"dropping the bias changed the sum by only {withoutBias}");
    }

    [Fact]
    public void Grouped_convolutions_are_refused_rather_than_decomposed_wrongly()
    {
        NativeRuntime.EnsureLoaded(1);
        using var conv = nn.Conv2d(4, 4, 3, groups: 2);
        using var x = rand(1, 4, 8, 8, generator: TestRandom.Generator);
        Assert.Throws<NotSupportedException>(() => ChannelDecomposition.Compute(conv, x));
    }
}
