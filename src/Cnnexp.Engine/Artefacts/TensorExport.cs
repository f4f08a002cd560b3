using Cnnexp.Results.Artefacts;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Artefacts;

/// <summary>Copies a tensor out of libtorch into a <see cref="TensorData"/> record.</summary>
static class TensorExport
{
    public static TensorData ToData(Tensor t)
    {
        using var cpu = t.detach().to(ScalarType.Float32).cpu().contiguous();
        return TensorData.Of(cpu.data<float>().ToArray(), cpu.shape.Select(d => (int)d).ToArray());
    }
}
