// A custom layer: a learnable 1x1 convolution from RGB to three channels that starts as the
// colour-opponent transform (luminance, red-green, yellow-blue) and may drift during training.
// Used in a model's `layers:` as
//   - script: { path: hooks/opponent_conv.csx, args: { learnable: true } }
// args.learnable (default true): false freezes the weights at the opponent matrix.

Layer(ctx =>
{
    if (!ctx.Input.IsImage || ctx.Input.C != 3)
        throw ctx.Fail($"the opponent layer needs an RGB image input (3 channels), got {ctx.Input}", "put it first in `layers`");
    bool learnable = ctx.Args.Bool("learnable", true);
    var conv = nn.Conv2d(3, 3, 1, bias: false);                              // (N, 3, H, W) -> (N, 3, H, W)
    using (no_grad())
        conv.weight!.copy_(tensor(new float[] { 1f / 3, 1f / 3, 1f / 3, 1f, -1f, 0f, 0.5f, 0.5f, -1f }, [3, 3, 1, 1]));
    conv.weight!.requires_grad = learnable;
    long pixels = (long)ctx.Input.H * ctx.Input.W;
    return new LayerBuild(conv, ctx.Input)
    {
        Macs = 9 * pixels,
        Onnx = (g, x) => g.Node("Conv", [x, g.Weight("weight")]),    // for `cnnexp export --onnx`: the same 1x1 convolution
    };
});
