using TorchSharp;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Modules;

/// <summary>Per-channel <c>(x - mean) / std</c> with fixed statistics.</summary>
public sealed class NormalizeModule : nn.Module<Tensor, Tensor>
{
    readonly Tensor mean, std;

    public NormalizeModule(double[] mean, double[] std) : base("normalize")
    {
        // Owned by the module for its lifetime: a builder's dispose scope must not free them.
        this.mean = tensor(mean.Select(m => (float)m).ToArray()).reshape(1, mean.Length, 1, 1).DetachFromDisposeScope(); // (1, C, 1, 1)
        this.std = tensor(std.Select(s => (float)s).ToArray()).reshape(1, std.Length, 1, 1).DetachFromDisposeScope();
        register_buffer("mean", this.mean, persistent: false);
        register_buffer("std", this.std, persistent: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => (x - OnDeviceOf.Tensor(mean, x)) / OnDeviceOf.Tensor(std, x); // (N, C, H, W) -> (N, C, H, W)

    /// <summary>Non-persistent buffers are not freed with the module's parameters; free them here.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing) { mean.Dispose(); std.Dispose(); }
        base.Dispose(disposing);
    }
}
