using TorchSharp;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Modules;

/// <summary>Per-channel <c>(x - mean) / std</c> with fixed statistics.</summary>
public sealed class NormalizeModule : nn.Module<Tensor, Tensor>
{
    readonly Tensor mean, std;

    public NormalizeModule(double[] mean, double[] std) : base("normalize")
    {
        this.mean = tensor(mean.Select(m => (float)m).ToArray()).reshape(1, mean.Length, 1, 1).DetachFromDisposeScope(); // (1, C, 1, 1); outlives the builder's scope
        this.std = tensor(std.Select(s => (float)s).ToArray()).reshape(1, std.Length, 1, 1).DetachFromDisposeScope();
        register_buffer("mean", this.mean, persistent: false);
        register_buffer("std", this.std, persistent: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => (x - mean) / std; // (N, C, H, W) -> (N, C, H, W)
}
