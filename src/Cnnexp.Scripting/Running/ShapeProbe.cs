using Cnnexp.Spec.Planning;
using static TorchSharp.torch;

namespace Cnnexp.Scripting.Running;

/// <summary>Runs a module or function once on a zero batch of two examples to learn its real output shape.</summary>
static class ShapeProbe
{
    public static Shape Of(Func<Tensor, Tensor> forward, Shape input)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var y = forward(zeros(input.WithBatch(2)));               // (2, ...input) -> (2, ...output)
        if (y.dim() < 1 || y.shape[0] != 2)
            throw new InvalidOperationException($"it returned shape ({string.Join(", ", y.shape)}) for a batch of 2: the batch dimension must stay first");
        return new Shape(y.shape.Skip(1).Select(d => (int)d).ToArray());
    }
}
