using TorchSharp;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Modules;

/// <summary>The notebook's key line: <c>x.sum(dim=1, keepdim=True)</c>.</summary>
public sealed class ChannelSumModule : nn.Module<Tensor, Tensor>
{
    public ChannelSumModule() : base("channel_sum") => RegisterComponents();

    public override Tensor forward(Tensor x) => x.sum(1, keepdim: true); // (N, C, H, W) -> (N, 1, H, W)
}
