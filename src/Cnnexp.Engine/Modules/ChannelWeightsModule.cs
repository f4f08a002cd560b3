using TorchSharp;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Modules;

/// <summary>A fixed weighted sum over channels, e.g. BT.601 luma: 0.299 R + 0.587 G + 0.114 B.</summary>
public sealed class ChannelWeightsModule : nn.Module<Tensor, Tensor>
{
    readonly Tensor weights;

    public ChannelWeightsModule(string name, double[] channelWeights) : base(name)
    {
        // Owned by the module for its lifetime: a builder's dispose scope must not free it.
        weights = tensor(channelWeights.Select(w => (float)w).ToArray()).reshape(1, channelWeights.Length, 1, 1).DetachFromDisposeScope(); // (1, C, 1, 1)
        register_buffer("weights", weights, persistent: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => (x * OnDeviceOf.Tensor(weights, x)).sum(1, keepdim: true); // (N, C, H, W) -> (N, 1, H, W)

    /// <summary>Non-persistent buffers are not freed with the module's parameters; free them here.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing) { weights.Dispose(); }
        base.Dispose(disposing);
    }
}
