using TorchSharp;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Modules;

/// <summary>
/// <c>nn.Flatten()</c> (dims 1..-1, in NCHW order whatever the layout), except that a channels-last
/// input gets its gradient back channels-last. With the plain flatten the gradient arrives in NCHW
/// order, and max pooling's backward pass over a channels-last input then takes a slow mixed-layout
/// path (1.5 ms instead of 0.2 ms per batch of 64 for the notebook's model).
/// </summary>
public sealed class FlattenModule : nn.Module<Tensor, Tensor>
{
    public FlattenModule() : base("Flatten") => RegisterComponents();

    public override Tensor forward(Tensor x) =>                          // (N, ...) -> (N, features)
        x.requires_grad && ChannelsLast.Is(x) ? ChannelsLastFlatten.apply(x) : x.flatten(1);

    sealed class ChannelsLastFlatten : autograd.SingleTensorFunction<ChannelsLastFlatten>
    {
        public override string Name => "ChannelsLastFlatten";

        public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
        {
            var x = (Tensor)vars[0];                                     // (N, C, H, W), NHWC strides
            ctx.save_data("shape", x.shape);
            return x.flatten(1);                                         // (N, C*H*W) in NCHW order
        }

        public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad) =>
            [ChannelsLast.To(grad.view((long[])ctx.get_data("shape")))];
    }
}
