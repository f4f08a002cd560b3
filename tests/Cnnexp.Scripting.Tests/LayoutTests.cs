using Cnnexp.Results;

namespace Cnnexp.Scripting.Tests;

/// <summary>
/// cnnexp's convolutions run channels-last, but a script layer written for PyTorch's layout (and
/// planned on an NCHW zero batch) must get contiguous NCHW input: `view` refuses channels-last.
/// </summary>
public class LayoutTests
{
    [Fact]
    public async Task A_script_layer_that_views_its_input_trains_after_channels_last_convolutions()
    {
        using var ws = new Workspace().Write("hooks/viewflat.csx", """
            // flatten the 0.1 way: a view, which needs PyTorch's contiguous layout.
            class ViewFlat : nn.Module<Tensor, Tensor>
            {
                public ViewFlat() : base("viewflat") { }
                public override Tensor forward(Tensor x) => x.view(x.shape[0], -1);   // (N, C, H, W) -> (N, C*H*W)
            }
            Layer(ctx => new LayerBuild(new ViewFlat(), Shape.Features(ctx.Input.C * ctx.Input.H * ctx.Input.W)));
            """);
        ws.Write("view.yaml", """
            name: view
            data: { dataset: synthetic, batch_size: 50, limit: 200 }
            train: { epochs: 1 }
            models:
              a:
                layers: [conv2d: { out: 4, kernel: 3 }, relu, maxpool2d: 2, script: { path: hooks/viewflat.csx }, linear: { out: 10 }]
            """);
        string dir = ws.Path("run");
        var run = await Experiment.RunAsync(ws.Load("view.yaml").Spec!,
            new RunSettings { OutDir = dir, ChannelsLast = true, HookCache = Workspace.SharedCache, Figures = false });
        Assert.True(run.Ok, string.Join("\n", run.Failures));
        Assert.Equal(Results.UnitStatus.Done, UnitPaths.For(dir, "a", 0).ReadState()!.Status);
    }

    /// <summary>
    /// In a bf16 run (libtorch's bf16 kernels, so activations really are bf16) a script layer gets fp32 input
    /// unless it opts in with AcceptsLowPrecision; then it gets the bf16 the convolution before it produced.
    /// Each script notes any input that is not fp32 where the test can read it (the figures' recorder runs
    /// the trained model in fp32 afterwards, so the last input is fp32 either way).
    /// </summary>
    [Fact]
    public async Task A_script_layer_gets_fp32_in_a_bf16_run_unless_it_opts_in()
    {
        using var ws = new Workspace();
        string key = "cnnexp-test-dtype-" + Guid.NewGuid().ToString("N");
        foreach (var (name, optIn) in new[] { ("plain", "false"), ("mixed", "true") })
            ws.Write($"hooks/{name}.csx", $$"""
                class Flat : nn.Module<Tensor, Tensor>
                {
                    public Flat() : base("flat") { }
                    public override Tensor forward(Tensor x)
                    {
                        if (x.dtype != ScalarType.Float32) AppDomain.CurrentDomain.SetData("{{key}}-{{name}}", x.dtype.ToString());
                        return x.flatten(1);
                    }
                }
                Layer(ctx => new LayerBuild(new Flat(), Shape.Features(ctx.Input.C * ctx.Input.H * ctx.Input.W)) { AcceptsLowPrecision = {{optIn}} });
                """);
        ws.Write("bf16.yaml", """
            name: bf16
            data: { dataset: synthetic, batch_size: 50, limit: 100 }
            train: { epochs: 1, precision: bf16 }
            models:
              plain:
                layers: [conv2d: { out: 4, kernel: 3 }, relu, maxpool2d: 2, script: { path: hooks/plain.csx }, linear: { out: 10 }]
              mixed:
                layers: [conv2d: { out: 4, kernel: 3 }, relu, maxpool2d: 2, script: { path: hooks/mixed.csx }, linear: { out: 10 }]
            """);
        string dir = ws.Path("run");
        var run = await Experiment.RunAsync(ws.Load("bf16.yaml").Spec!,
            new RunSettings { OutDir = dir, EmulateBf16 = false, HookCache = Workspace.SharedCache, Figures = false });
        Assert.True(run.Ok, string.Join("\n", run.Failures));
        Assert.Null(AppDomain.CurrentDomain.GetData(key + "-plain"));               // never saw anything but fp32
        Assert.Equal("BFloat16", AppDomain.CurrentDomain.GetData(key + "-mixed"));
    }
}
