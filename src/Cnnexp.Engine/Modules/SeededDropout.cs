using static TorchSharp.torch;

namespace Cnnexp.Engine.Modules;

/// <summary>
/// Dropout whose masks come from the unit's own generator rather than libtorch's global one, so a
/// unit's results do not depend on other units training at the same time. Element-wise (dropout)
/// or per channel (dropout2d); kept values are scaled by 1 / (1 - p), as in PyTorch.
/// </summary>
public sealed class SeededDropout : nn.Module<Tensor, Tensor>
{
    readonly double p;
    readonly bool perChannel;
    readonly Generator generator;

    public SeededDropout(double p, bool perChannel, Generator generator) : base(perChannel ? "Dropout2d" : "Dropout")
    {
        this.p = p;
        this.perChannel = perChannel;
        this.generator = generator;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        if (!training || p == 0) return x.alias();                     // a new handle: Sequential frees each intermediate result
        if (p >= 1) return x * 0;
        var keep = perChannel                                           // freed by the step's dispose scope: backward needs it 
            ? empty([x.shape[0], x.shape[1], .. Enumerable.Repeat(1L, (int)x.dim() - 2)], x.dtype, x.device)
            : empty_like(x);
        keep.bernoulli_(1 - p, generator);
        return x * keep.div_(1 - p);
    }
}
