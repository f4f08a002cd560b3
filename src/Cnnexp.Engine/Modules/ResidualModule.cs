using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Modules;

/// <summary>ResNet's skip connection: <c>body(x) + shortcut(x)</c>, the shortcut being the identity or a planned 1x1 projection.</summary>
public sealed class ResidualModule : nn.Module<Tensor, Tensor>
{
    readonly Sequential body;
    readonly nn.Module<Tensor, Tensor>? projection;

    public ResidualModule(string name, Sequential body, nn.Module<Tensor, Tensor>? projection) : base(name)
    {
        this.body = body;
        this.projection = projection;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) =>
        body.forward(x) + (projection is null ? x : projection.call(x)); // (N, C, H, W) -> (N, C', H', W'); call(): the projection's layout hook (ChannelsLast.Use)
}
