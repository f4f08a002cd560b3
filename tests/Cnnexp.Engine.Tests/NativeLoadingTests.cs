using Cnnexp.Engine.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Tests;

public class NativeLoadingTests
{
    [Fact]
    public void Forward_and_backward_pass_runs_in_the_test_process()
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        using var scope = NewDisposeScope();
        var conv = nn.Conv2d(3, 4, 3, padding: 1);
        var x = randn(2, 3, 8, 8, generator: TestRandom.Generator);               // (N, C, H, W)
        var loss = conv.forward(x).square().mean();
        loss.backward();
        Assert.Equal(new long[] { 4, 3, 3, 3 }, conv.weight!.grad!.shape);
        Assert.True(conv.weight.grad.abs().sum().item<float>() > 0);
    }
}
