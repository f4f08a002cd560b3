using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Modules;

/// <summary>
/// A conv2d that computes in a lower precision (bf16) from fp32 parameters: input, weight and bias
/// are cast on the way in, the output stays in the low precision for the layers after it. It takes
/// over the parameters of an initialised <see cref="Conv2d"/> under the same names, so checkpoints,
/// exports and the optimiser see exactly the fp32 model. Emulated (<see cref="Autocast.Round"/>), it
/// computes in fp32 on rounded operands and rounds its fp32 output.
/// </summary>
public sealed class AutocastConv2d : nn.Module<Tensor, Tensor>
{
    readonly Parameter weight;                // (out, in / groups, kH, kW), fp32
    readonly Parameter? bias;                 // (out), fp32
    readonly long[] stride, padding, dilation;
    readonly long groups;
    readonly ScalarType dtype;
    readonly bool channelsLast, strided1x1, emulate;

    public AutocastConv2d(Conv2d conv, ScalarType dtype, bool channelsLast, bool emulate = false) : base("AutocastConv2d")
    {
        weight = conv.weight!;
        bias = conv.bias;
        stride = conv.stride;
        padding = conv.padding!;
        dilation = conv.dilation;
        groups = conv.groups;
        this.dtype = dtype;
        this.channelsLast = channelsLast;
        this.emulate = emulate;
        strided1x1 = ChannelsLast.Unsafe(conv);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)                 // (N, C, H, W) -> (N, out, H', W') in dtype (emulated: fp32 holding dtype's values)
    {
        if (channelsLast && x.shape[1] > 1) x = strided1x1 ? x.contiguous() : ChannelsLast.To(x);   // see ChannelsLast.Unsafe
        if (!emulate)
            return nn.functional.conv2d(Autocast.To(x, dtype), Autocast.To(weight, dtype), bias is null ? null : Autocast.To(bias, dtype),
                stride, padding, dilation, groups);
        using var scope = NewDisposeScope();
        var y = nn.functional.conv2d(Autocast.Round(Autocast.ToFloat(x), dtype), Autocast.Round(weight, dtype),
            bias is null ? null : Autocast.Round(bias, dtype), stride, padding, dilation, groups);
        return Autocast.Round(y, dtype).MoveToOuterDisposeScope();
    }
}
