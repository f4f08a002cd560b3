using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Modules;

/// <summary>A linear layer computing in a lower precision from the fp32 parameters it takes over (see <see cref="AutocastConv2d"/>).</summary>
public sealed class AutocastLinear : nn.Module<Tensor, Tensor>
{
    readonly Parameter weight;                // (out, in), fp32
    readonly Parameter? bias;                 // (out), fp32
    readonly ScalarType dtype;

    public AutocastLinear(Linear linear, ScalarType dtype) : base("AutocastLinear")
    {
        weight = linear.weight!;
        bias = linear.bias;
        this.dtype = dtype;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) =>               // (N, in) -> (N, out) in dtype
        nn.functional.linear(Autocast.To(x, dtype), Autocast.To(weight, dtype), bias is null ? null : Autocast.To(bias, dtype));
}
