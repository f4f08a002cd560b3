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
    readonly bool emulate;

    public AutocastLinear(Linear linear, ScalarType dtype, bool emulate = false) : base("AutocastLinear")
    {
        weight = linear.weight!;
        bias = linear.bias;
        this.dtype = dtype;
        this.emulate = emulate;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)                  // (N, in) -> (N, out) in dtype (emulated: fp32 holding dtype's values)
    {
        if (!emulate)
            return nn.functional.linear(Autocast.To(x, dtype), Autocast.To(weight, dtype), bias is null ? null : Autocast.To(bias, dtype));
        using var scope = NewDisposeScope();
        var y = nn.functional.linear(Autocast.Round(Autocast.ToFloat(x), dtype), Autocast.Round(weight, dtype),
            bias is null ? null : Autocast.Round(bias, dtype));
        return Autocast.Round(y, dtype).MoveToOuterDisposeScope();
    }
}
