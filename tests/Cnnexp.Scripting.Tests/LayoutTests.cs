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
}
