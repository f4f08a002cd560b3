// Colour-opponent input transform: RGB -> luminance, red-green, yellow-blue (as the retina does).
// Used in a model's `input:` as
//   - script: { path: hooks/opponent.csx, args: { channels: [red_green, yellow_blue] } }
// args.channels: any of luminance, red_green, yellow_blue (default: all three, in that order).

var opponent = new Dictionary<string, float[]>
{
    ["luminance"] = [1f / 3, 1f / 3, 1f / 3],   // (R + G + B) / 3
    ["red_green"] = [1f, -1f, 0f],              // R - G
    ["yellow_blue"] = [0.5f, 0.5f, -1f],        // (R + G) / 2 - B
};

Transform(ctx =>
{
    if (ctx.Input.C != 3)
        throw ctx.Fail($"opponent colours need an RGB input (3 channels), got {ctx.Input}", "put this transform first in `input`");
    var channels = ctx.Args.Strings("channels", ["luminance", "red_green", "yellow_blue"]);
    foreach (var c in channels)
        if (!opponent.ContainsKey(c))
            throw new HookArgumentException($"`{c}` is not an opponent channel", "channels", "use luminance, red_green and/or yellow_blue");
    var weight = tensor(channels.SelectMany(c => opponent[c]).ToArray(), [channels.Count, 3, 1, 1]);   // (K, 3, 1, 1)
    return new TransformBuild(
        x => nn.functional.conv2d(x, weight.to(x.device)),                                              // (N, 3, H, W) -> (N, K, H, W)
        Shape.Image(channels.Count, ctx.Input.H, ctx.Input.W));
});
