using Cnnexp.Spec.Model;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Modules;

/// <summary>
/// cnnexp's own autocast (TorchSharp has none): the compute dtype of a precision, and the casts at
/// the edges of a low-precision region. Convolutions and linear layers compute in it from fp32
/// parameters (<see cref="AutocastConv2d"/>, <see cref="AutocastLinear"/>); element-wise layers and
/// pooling keep whatever dtype arrives; batch norm, script layers and the loss get fp32.
/// <para>
/// On a CPU without bf16 instructions libtorch's bf16 kernels are software loops, about 10x slower
/// than fp32. There cnnexp <em>emulates</em> bf16 instead (<see cref="Round"/>): the layers compute in
/// fp32 on operands rounded to bf16 and round their results to bf16, which is what bf16 hardware does
/// (bf16 products, fp32 accumulation, a bf16 result); gradients are rounded the same way on their way
/// back. Only the order of the fp32 sums differs, so a result almost always equals the hardware's, and
/// otherwise differs by a unit in bf16's last place (Cnnexp.Engine.Tests.Bf16EmulationTests measures it).
/// Element-wise layers in between (ReLU, pooling, additions) then compute in fp32 on bf16 values.
/// </para>
/// </summary>
public static class Autocast
{
    /// <summary>The dtype convolutions and linear layers compute in; null for fp32 (nothing is cast).</summary>
    public static ScalarType? Dtype(Precision precision) => precision switch
    {
        Precision.Bf16 => ScalarType.BFloat16,
        Precision.Fp16 => ScalarType.Float16,
        _ => null,
    };

    /// <summary>The tensor as fp32 (logits before the loss, batch norm's input); itself when it already is.</summary>
    public static Tensor ToFloat(Tensor x) => x.dtype == ScalarType.Float32 || !x.is_floating_point() ? x : x.to_type(ScalarType.Float32);

    /// <summary>
    /// Whether bf16 is emulated (<see cref="Round"/>) rather than run in libtorch's bf16 kernels: never on
    /// CUDA; on a CPU as <paramref name="requested"/> says (<c>CNNEXP_BF16</c>), else where the CPU has
    /// neither AVX512-BF16 nor AMX.
    /// </summary>
    public static bool EmulatesBf16(bool? requested, bool cuda) => !cuda && (requested ?? !Native.CpuFeatures.HasBf16);

    /// <summary>manifest.json's word for how bf16 ran: <c>emulated</c> or <c>native</c>.</summary>
    public static string Bf16Token(bool emulated) => emulated ? "emulated" : "native";

    /// <summary>
    /// <paramref name="x"/> (fp32) rounded to the nearest <paramref name="dtype"/> value, still fp32. A
    /// differentiable pair of casts, so the gradient flowing back through it is rounded the same way.
    /// </summary>
    public static Tensor Round(Tensor x, ScalarType dtype)
    {
        using var low = x.to_type(dtype);
        return low.to_type(ScalarType.Float32);
    }

    /// <summary><paramref name="x"/> in <paramref name="dtype"/>; a differentiable cast, so fp32 parameters get fp32 gradients.</summary>
    public static Tensor To(Tensor x, ScalarType dtype) => x.dtype == dtype ? x : x.to_type(dtype);
}
