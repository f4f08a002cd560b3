using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Modules;

/// <summary>
/// The memory layout convolutions run in. A channels-last tensor keeps the shape (N, C, H, W) but
/// stores each pixel's channels side by side (NHWC strides): oneDNN's fast layout on CPU. A conv2d
/// given such an input computes and returns channels-last; ReLU, pooling and batch norm keep the
/// layout, and <see cref="FlattenModule"/> hands its gradient back in it. Parameters stay in
/// PyTorch's layout, so checkpoints, exports and optimiser state are unchanged. Only the float
/// summation order changes: results stay bit-identical run to run on one machine, but differ from
/// an NCHW run by rounding, which training amplifies over the epochs (about as much as another
/// seed would). Faster training for the notebook's model (docs/benchmarks.md).
/// </summary>
public static class ChannelsLast
{
    /// <summary>manifest.json's <c>layout</c> values.</summary>
    public const string Token = "channels_last", NchwToken = "nchw";

    /// <summary>
    /// The layout of a new run: <paramref name="requested"/> when given (the command line's or the
    /// facade's, which fill it from $CNNEXP_LAYOUT), else channels-last on CPU. On CUDA the default is
    /// NCHW: the speed-up was measured with oneDNN on CPU only.
    /// </summary>
    public static bool Default(bool? requested = null, bool cuda = false) => requested ?? !cuda;

    /// <summary>True for a 4-D tensor whose strides are NHWC (size-1 dimensions may have any stride).</summary>
    public static bool Is(Tensor t)
    {
        if (t.dim() != 4) return false;
        long[] size = t.shape;
        long[] expected = [size[1] * size[2] * size[3], 1, size[3] * size[1], size[1]];
        for (int d = 0; d < 4; d++)
            if (size[d] > 1 && t.stride(d) != expected[d]) return false;
        return true;
    }

    /// <summary>(N, C, H, W) → the same values and shape with NHWC strides (a copy unless already so).</summary>
    public static Tensor To(Tensor t) => Is(t) ? t : t.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);

    /// <summary>
    /// Makes the conv take multi-channel inputs channels-last (one-channel inputs are both layouts
    /// at once). A hook: it acts when the conv is called through <c>call()</c>, as Sequential does.
    /// A 1x1 convolution with a stride above 1 is the exception: it gets its input in NCHW instead
    /// (see <see cref="Unsafe"/>).
    /// </summary>
    public static Conv2d Use(Conv2d conv)
    {
        if (Unsafe(conv)) conv.register_forward_pre_hook((_, x) => x.dim() == 4 && Is(x) && x.shape[1] > 1 ? x.contiguous() : x);   // NHWC -> NCHW
        else conv.register_forward_pre_hook((_, x) => x.dim() == 4 && x.shape[1] > 1 ? To(x) : x);
        return conv;
    }

    /// <summary>
    /// A 1x1 kernel with a stride above 1 (a ResNet projection): libtorch 2.10's CPU backward pass of
    /// such a convolution over a channels-last input writes out of bounds, which gives wrong gradients
    /// or kills the process with "double free or corruption" (found by tests/parity; a 1x1 stride-3 or a
    /// 2x2 stride-2 kernel is fine). It runs in NCHW.
    /// </summary>
    public static bool Unsafe(Conv2d conv) =>
        conv.kernel_size.All(k => k == 1) && conv.stride.Any(s => s > 1);
}
