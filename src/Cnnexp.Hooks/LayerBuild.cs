using Cnnexp.Spec.Planning;
using static TorchSharp.torch;

namespace Cnnexp.Hooks;

/// <summary>
/// A script layer: the TorchSharp module and the shape one example has after it. cnnexp checks the
/// shape by running the module once on a zero batch when it plans, so a wrong claim is caught
/// before any training.
/// </summary>
/// <param name="Module">The module; keep tensors it needs as fields and call RegisterComponents() (they become buffers).</param>
/// <param name="Output">One example's output shape, batch left out.</param>
public sealed record LayerBuild(nn.Module<Tensor, Tensor> Module, Shape Output)
{
    /// <summary>Multiply-accumulates per example, for `inspect`'s totals; 0 when not given.</summary>
    public long Macs { get; init; }

    /// <summary>
    /// In a `precision: bf16` run, hand the module its input in bf16 as it comes (the module must then
    /// cope with bf16 input and fp32 parameters itself). False: cnnexp casts its input to fp32 first.
    /// </summary>
    public bool AcceptsLowPrecision { get; init; }

    /// <summary>
    /// The layer as ONNX nodes, for `cnnexp export --onnx`: given the graph and the input value's name,
    /// add the nodes that compute what <see cref="Module"/> computes in eval mode and return the output
    /// value's name, e.g. <c>(g, x) =&gt; g.Node("Conv", [x, g.Weight("weight")])</c>. Null: a model with
    /// this layer cannot be exported to ONNX (the export says so, at the entry's YAML line).
    /// </summary>
    public Func<Spec.Scripts.IOnnxGraph, string, string>? Onnx { get; init; }
}
