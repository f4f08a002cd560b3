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

    /// <summary>The state_dict prefix of a body layer, <c>res1.body.conv3</c>: exporters and `init` name tensors by it.</summary>
    public static string BodyKey(string residual, string child) => $"{residual}.body.{child}";

    /// <summary>The state_dict prefix of the projection shortcut, <c>res1.projection</c>.</summary>
    public static string ProjectionKey(string residual) => $"{residual}.projection";

    public override Tensor forward(Tensor x) =>
        body.forward(x) + (projection is null ? x : projection.call(x)); // (N, C, H, W) -> (N, C', H', W'); call(): the projection's layout hook (ChannelsLast.Use)
}
