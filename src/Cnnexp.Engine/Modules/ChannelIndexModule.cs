using TorchSharp;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Modules;

/// <summary>Picks channels by index: channel_select (a subset) and channel_permute (a reordering).</summary>
public sealed class ChannelIndexModule : nn.Module<Tensor, Tensor>
{
    readonly Tensor indices;

    public ChannelIndexModule(string name, IReadOnlyList<int> channels) : base(name)
    {
        indices = tensor(channels.Select(c => (long)c).ToArray()).DetachFromDisposeScope(); // outlives the builder's scope
        register_buffer("indices", indices, persistent: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => x.index_select(1, indices); // (N, C, H, W) -> (N, k, H, W)
}
