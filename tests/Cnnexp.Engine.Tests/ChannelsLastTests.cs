using Cnnexp.Engine.Modules;
using Cnnexp.Engine.Native;
using Cnnexp.Engine.Tests.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Tests;

/// <summary>
/// Convolutions run channels-last (NHWC strides) for speed. The layout must never change the
/// mathematics: the same weights give the same logits and gradients as PyTorch's NCHW layers, and
/// parameters stay in PyTorch's layout so checkpoints and exports read the same everywhere.
/// </summary>
public class ChannelsLastTests
{
    const string Stack = """
        name: layout
        data: { dataset: synthetic, batch_size: 16 }
        models:
          net:
            layers:
              - conv2d: { out: 8, kernel: 3, padding: 1 }
              - batchnorm2d
              - relu
              - maxpool2d: 2
              - conv2d: { out: 16, kernel: 3, padding: 1 }
              - relu
              - avgpool2d: 2
              - flatten
              - linear: { out: 10 }
        """;

    /// <summary>The same stack written with PyTorch's (TorchSharp's) own modules, all NCHW.</summary>
    static Sequential Reference(long inChannels) => nn.Sequential(
        nn.Conv2d(inChannels, 8, 3, padding: 1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(8, 16, 3, padding: 1), nn.ReLU(), nn.AvgPool2d(2), nn.Flatten(), nn.Linear(16 * 8 * 8, 10));

    [Fact]
    public void Layout_detection_and_conversion_keep_shape_and_values()
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        using var scope = NewDisposeScope();
        var x = randn(2, 3, 4, 5, generator: TestRandom.Generator);                                           // (N, C, H, W), NCHW strides
        Assert.False(ChannelsLast.Is(x));
        var y = ChannelsLast.To(x);
        Assert.True(ChannelsLast.Is(y));
        Assert.Equal(x.shape, y.shape);
        Assert.Equal(new long[] { 60, 1, 15, 3 }, y.stride());
        Assert.True(x.eq(y).all().item<bool>());
        Assert.Same(y, ChannelsLast.To(y));                                  // already channels-last: no copy
        Assert.True(ChannelsLast.Is(randn(2, 1, 4, 5, generator: TestRandom.Generator)));                     // one channel: both layouts at once
        Assert.False(ChannelsLast.Is(randn(2, 12, generator: TestRandom.Generator)));
    }

    [Fact]
    public void Built_conv_runs_channels_last_and_matches_an_nchw_convolution()
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        using var scope = NewDisposeScope();
        TestRandom.Seed(1);
        using var model = ModelBuilder.Build(TinyRun.Plan(Stack).Models[0]);
        var conv = (Conv2d)model.children().First();
        var x = randn(4, 3, 32, 32, generator: TestRandom.Generator);
        var y = conv.call(x);                                                 // (4, 8, 32, 32)
        Assert.True(ChannelsLast.Is(y));
        var expected = nn.functional.conv2d(x, conv.weight, conv.bias, padding: [1, 1]);
        Assert.True(expected.allclose(y, rtol: 1e-5, atol: 1e-5));
    }

    [Fact]
    public void Flatten_returns_nchw_order_and_hands_back_a_channels_last_gradient()
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        using var scope = NewDisposeScope();
        TestRandom.Seed(2);
        var nchw = randn(3, 4, 5, 6, generator: TestRandom.Generator).requires_grad_();
        var cl = ChannelsLast.To(nchw.detach()).requires_grad_();
        var weights = randn(3, 120, generator: TestRandom.Generator);
        using var flatten = new FlattenModule();
        var ours = flatten.call(cl);
        var plain = nchw.flatten(1);
        Assert.True(ours.eq(plain).all().item<bool>());                          // same order, same values
        // autograd.grad returns the gradient as it arrives (.grad of a leaf is re-laid out to match the leaf).
        var ourGrad = autograd.grad([(ours * weights).sum()], [cl])[0];
        var plainGrad = autograd.grad([(plain * weights).sum()], [nchw])[0];
        Assert.True(ChannelsLast.Is(ourGrad));
        Assert.False(ChannelsLast.Is(plainGrad));
        Assert.True(ourGrad.eq(plainGrad).all().item<bool>());
    }

    [Fact]
    public void Flatten_of_a_channels_last_view_with_an_offset_reads_the_right_elements()
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        using var scope = NewDisposeScope();
        TestRandom.Seed(4);
        var batch = ChannelsLast.To(randn(4, 3, 5, 6, generator: TestRandom.Generator));
        var last2 = batch.narrow(0, 2, 2).requires_grad_();                  // a view: storage offset 180
        Assert.True(ChannelsLast.Is(last2));
        Assert.NotEqual(0, last2.storage_offset());
        using var flatten = new FlattenModule();
        Assert.True(flatten.call(last2).eq(last2.contiguous().flatten(1)).all().item<bool>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]                                                        // one channel into the first conv
    public void Whole_model_gives_the_logits_and_gradients_of_pytorch_layers(bool channelSum)
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        using var scope = NewDisposeScope();
        TestRandom.Seed(3);
        string yaml = channelSum ? Stack.Replace("    layers:", "    input: [channel_sum]\n    layers:") : Stack;
        using var ours = ModelBuilder.Build(TinyRun.Plan(yaml).Models[0]);
        using var reference = Reference(channelSum ? 1 : 3);
        using (no_grad())
            foreach (var (mine, theirs) in ours.parameters().Zip(reference.parameters()))
                theirs.copy_(mine);
        var x = randn(8, 3, 32, 32, generator: TestRandom.Generator);
        var y = randint(0, 10, [8], generator: TestRandom.Generator);
        var logits = ours.forward(x);
        var expected = reference.forward(channelSum ? x.sum(1, keepdim: true) : x);
        Assert.True(expected.allclose(logits, rtol: 1e-4, atol: 1e-5), $"logits differ by up to {(expected - logits).abs().max().item<float>()}");
        nn.functional.cross_entropy(logits, y).backward();
        nn.functional.cross_entropy(expected, y).backward();
        foreach (var ((name, mine), theirs) in ours.named_parameters().Zip(reference.parameters()))
        {
            Assert.True(mine.is_contiguous(), $"{name} left PyTorch's layout");
            Assert.True(mine.grad!.is_contiguous(), $"{name}.grad left PyTorch's layout");
            Assert.True(theirs.grad!.allclose(mine.grad!, rtol: 1e-4, atol: 1e-6), $"{name}.grad differs by up to {(theirs.grad! - mine.grad!).abs().max().item<float>()}");
        }
    }

    /// <summary>
    /// libtorch 2.10's CPU backward pass of a 1x1 stride-2 convolution over a channels-last input writes
    /// out of bounds: wrong gradients, or "double free or corruption" and a dead process (found by the
    /// PyTorch parity test). Such convolutions, ResNet's projections among them, take NCHW input. Both
    /// builds get the same weights by copying: drawing them from libtorch's global generator raced with
    /// tests running beside this one, which made this test fail now and then in CI.
    /// </summary>
    [Theory]
    [InlineData("conv2d: { out: 6, kernel: 3, padding: 1 }, conv2d: { out: 8, kernel: 1, stride: 2 }, flatten, linear: { out: 10 }")]
    [InlineData("conv2d: { out: 6, kernel: 3, padding: 1 }, residual: [conv2d: { out: 8, kernel: 3, stride: 2, padding: 1 }], flatten, linear: { out: 10 }")]
    [InlineData("conv2d: { out: 6, kernel: 3, padding: 1 }, residual: [conv2d: { out: 6, kernel: 3, padding: 1 }, residual: [conv2d: { out: 8, kernel: [1, 1], stride: [1, 2] }]], flatten, linear: { out: 10 }")]
    public void A_strided_1x1_convolution_gets_the_gradients_of_nchw(string layers)
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        using var scope = NewDisposeScope();
        var model = TinyRun.Plan($"name: p\ndata: {{ dataset: synthetic, batch_size: 8 }}\nmodels:\n  m:\n    layers: [{layers}]\n").Models[0];
        using var g = new Generator(5);
        var x = rand(8, 3, 32, 32, generator: g);                           // (N, C, H, W)
        var y = randint(0, 10, [8], generator: g);
        using var weights = ModelBuilder.Build(model, new BuildOptions { ChannelsLast = false });
        using (no_grad())
            foreach (var p in weights.parameters()) p.copy_(randn(p.shape, generator: g) * 0.1);
        foreach (var precision in new[] { Cnnexp.Spec.Model.Precision.Fp32, Cnnexp.Spec.Model.Precision.Bf16 })
        {
            var grads = new[] { false, true }.Select(channelsLast =>
            {
                using var m = ModelBuilder.Build(model, new BuildOptions { ChannelsLast = channelsLast, Precision = precision });
                using (no_grad())
                    foreach (var (mine, source) in m.parameters().Zip(weights.parameters())) mine.copy_(source);
                var stridedInputs = new List<bool>();                          // after the layout hook (registered first)
                foreach (var conv in m.modules().OfType<Conv2d>().Where(ChannelsLast.Unsafe))
                    conv.register_forward_pre_hook((_, input) => { stridedInputs.Add(ChannelsLast.Is(input) && input.shape[1] > 1); return input; });
                nn.functional.cross_entropy(m.forward(x).to(ScalarType.Float32), y).backward();
                Assert.DoesNotContain(true, stridedInputs);
                return m.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter.grad!.clone());
            }).ToList();
            double rtol = precision == Cnnexp.Spec.Model.Precision.Fp32 ? 1e-5 : 2e-2;  // bf16 rounds at the 3rd digit
            foreach (var (name, nchw) in grads[0])
            {
                double scale = nchw.abs().max().item<float>();
                double diff = (nchw - grads[1][name]).abs().max().item<float>();
                Assert.True(diff <= rtol * scale + 1e-6, $"{precision} {name}: channels-last gradient differs from NCHW by {diff} (scale {scale})");
            }
        }
    }

    /// <summary>
    /// Why feeding the strided 1x1 convolution NCHW input is enough: its backward pass is exact when the
    /// gradient arrives channels-last from the layers after it (only a channels-last input corrupts memory).
    /// </summary>
    [Fact]
    public void A_strided_1x1_convolution_over_nchw_input_takes_a_channels_last_gradient_exactly()
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        using var g = new Generator(7);
        for (int i = 0; i < 50; i++)
        {
            using var scope = NewDisposeScope();
            var x = rand(8, 6, 32, 32, generator: g);                              // (N, C, H, W), NCHW
            var w = randn(8, 6, 1, 1, generator: g);
            var upstream = randn(8, 8, 16, 16, generator: g);                      // dLoss/dOutput
            var grads = new[] { upstream, ChannelsLast.To(upstream) }.Select(u =>
            {
                var (xi, wi) = (x.clone().requires_grad_(), w.clone().requires_grad_());
                (nn.functional.conv2d(xi, wi, null, strides: [2, 2]) * u).sum().backward();
                return (X: xi.grad!, W: wi.grad!);
            }).ToList();
            Assert.True(grads[0].X.allclose(grads[1].X, rtol: 1e-5, atol: 1e-6));
            Assert.True(grads[0].W.allclose(grads[1].W, rtol: 1e-5, atol: 1e-5));
        }
    }
}
