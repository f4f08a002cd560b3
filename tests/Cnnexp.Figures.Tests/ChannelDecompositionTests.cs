using Cnnexp.Engine.Artefacts;
using Cnnexp.Engine.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Cnnexp.Figures.Tests;

public class ChannelDecompositionTests
{
    public ChannelDecompositionTests() => NativeRuntime.EnsureLoaded(1);

    [Fact]
    public void Sum_of_channel_contributions_plus_bias_equals_the_layer_output()
    {
        manual_seed(7);
        using var conv = nn.Conv2d(3, 8, 3, padding: 1);
        using var x = rand(4, 3, 32, 32);
        using var d = ChannelDecomposition.Compute(conv, x);
        var info = $"pad {string.Join(",", conv.padding ?? [])} stride {string.Join(",", conv.stride ?? [])} dil {string.Join(",", conv.dilation ?? [])} sum {string.Join(",", d.Sum.shape)} out {string.Join(",", d.Output.shape)}";
        using var w = conv.weight!.detach();
        using var manual = nn.functional.conv2d(x.narrow(1, 0, 1), w.narrow(1, 0, 1).contiguous(), null, [1, 1], [1, 1], [1, 1], 1);
        using var mine = d.Contributions[0];
        info += $" manual-vs-mine {(manual - mine).abs().max().item<float>()}";
        using var full = nn.functional.conv2d(x, w, conv.bias, [1, 1], [1, 1], [1, 1], 1);
        info += $" full-vs-out {(full - d.Output).abs().max().item<float>()}";
        Assert.Fail(info);
        Assert.True(d.MaxAbsDifference < 1e-5, $"max |difference| {d.MaxAbsDifference}");
    }
}
