using TorchSharp;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Modules;

/// <summary><c>x.mean(dim=1, keepdim=True)</c>: channel_sum divided by the channel count.</summary>
public sealed class ChannelMeanModule : nn.Module<Tensor, Tensor>
{
    public ChannelMeanModule() : base("channel_mean") => RegisterComponents();

    public override Tensor forward(Tensor x) => x.mean([1], keepdim: true); // (N, C, H, W) -> (N, 1, H, W)
}
