using Cnnexp.Spec.Model;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Modules;

/// <summary>
/// cnnexp's own autocast (TorchSharp has none): the compute dtype of a precision, and the casts at
/// the edges of a low-precision region. Convolutions and linear layers compute in it from fp32
/// parameters (<see cref="AutocastConv2d"/>, <see cref="AutocastLinear"/>); element-wise layers and
/// pooling keep whatever dtype arrives; batch norm, script layers and the loss get fp32.
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

    /// <summary><paramref name="x"/> in <paramref name="dtype"/>; a differentiable cast, so fp32 parameters get fp32 gradients.</summary>
    public static Tensor To(Tensor x, ScalarType dtype) => x.dtype == dtype ? x : x.to_type(dtype);
}
