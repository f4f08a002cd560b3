using TorchSharp;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Modules;

/// <summary>Picks channels by index: channel_select (a subset) and channel_permute (a reordering).</summary>
public sealed class ChannelIndexModule : nn.Module<Tensor, Tensor>
{
    readonly Tensor indices;

    public ChannelIndexModule(string name, IReadOnlyList<int> channels) : base(name)
    {
        indices = tensor(channels.Select(c => (long)c).ToArray()).DetachFromDisposeScope();   // owned by the module, not a builder's scope
        register_buffer("indices", indices, persistent: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => x.index_select(1, OnDeviceOf.Tensor(indices, x)); // (N, C, H, W) -> (N, k, H, W)

    /// <summary>Non-persistent buffers are not freed with the module's parameters; free them here.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing) { indices.Dispose(); }
        base.Dispose(disposing);
    }
}
