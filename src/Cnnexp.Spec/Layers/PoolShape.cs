using Cnnexp.Spec.Model;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Layers;

/// <summary>Output-size arithmetic shared by the pooling layers (floor mode, like PyTorch's default).</summary>
static class PoolShape
{
    public static ShapeCheck Infer(LayerSpec layer, Shape input, IntPair kernel, IntPair stride, IntPair padding)
    {
        if (!input.IsImage)
            return ShapeCheck.Fail($"{layer.Kind} needs an image-shaped input (channels x height x width), got {input}",
                "move this layer before `flatten`");
        if (padding.H * 2 > kernel.H || padding.W * 2 > kernel.W)
            return ShapeCheck.Fail($"padding {padding} is more than half the window {kernel}", null, "padding");
        if (input.H + 2 * padding.H < kernel.H || input.W + 2 * padding.W < kernel.W)
            return ShapeCheck.Fail($"window {kernel} does not fit its {input} input: the output would be empty",
                "use a smaller window or remove a pooling layer above", "kernel");
        int h = (input.H + 2 * padding.H - kernel.H) / stride.H + 1;
        int w = (input.W + 2 * padding.W - kernel.W) / stride.W + 1;
        return ShapeCheck.Ok(Shape.Image(input.C, h, w));
    }
}
