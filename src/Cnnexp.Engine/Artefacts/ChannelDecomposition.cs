using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Artefacts;

/// <summary>
/// A conv2d layer's output split by input channel, exactly as the notebook does it: each input
/// channel convolved on its own with its kernel slice, the results summed, plus the bias — then
/// compared with what the layer itself outputs.
/// </summary>
public sealed class ChannelDecomposition : IDisposable
{
    /// <summary>(C, S, O, H', W'): input channel c's contribution to every filter of every sample.</summary>
    public required Tensor Contributions { get; init; }
    /// <summary>(S, O, H', W'): the contributions summed over channels, plus the bias.</summary>
    public required Tensor Sum { get; init; }
    /// <summary>(S, O, H', W'): the layer's own output.</summary>
    public required Tensor Output { get; init; }
    /// <summary>(O): the bias (zeros when the layer has none).</summary>
    public required Tensor Bias { get; init; }
    /// <summary>Max |Sum − Output| over everything.</summary>
    public required double MaxAbsDifference { get; init; }

    /// <summary>Decomposes <paramref name="conv"/> applied to <paramref name="x"/> (S, C, H, W). Needs groups = 1.</summary>
    public static ChannelDecomposition Compute(Conv2d conv, Tensor x)
    {
        if (conv.groups != 1) throw new NotSupportedException($"channel decomposition needs groups = 1, the layer has {conv.groups}");
        using var noGrad = no_grad();
        var weight = conv.weight!.detach();                                   // (O, C, kH, kW)
        long channels = weight.shape[1];
        var parts = new Tensor[channels];
        for (long c = 0; c < channels; c++)
        {
            var xc = x.narrow(1, c, 1);                                       // (S, 1, H, W): one input channel
            var wc = weight.narrow(1, c, 1);                                  // (O, 1, kH, kW): its kernel slice of every filter
            parts[c] = nn.functional.conv2d(xc, wc, null, conv.stride, conv.padding, conv.dilation, 1); // (S, O, H', W')
        }
        var contributions = stack(parts, 0);                                  // (C, S, O, H', W')
        var bias = conv.bias is null ? zeros(weight.shape[0]) : conv.bias.detach().clone();
        var sum = contributions.sum(dim: 0) + bias.view(1, -1, 1, 1);         // (S, O, H', W'); `dim:` because a literal 0 would bind to the dtype overload
        var output = conv.forward(x);                                         // (S, O, H', W')
        double diff = (sum - output).abs().max().item<float>();
        return new ChannelDecomposition { Contributions = contributions, Sum = sum, Output = output, Bias = bias, MaxAbsDifference = diff };
    }

    public void Dispose()
    {
        Contributions.Dispose();
        Sum.Dispose();
        Output.Dispose();
        Bias.Dispose();
    }
}
