using Cnnexp.Engine.Data;
using Cnnexp.Spec.Model;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Training;

/// <summary>Resolves `train.device` to a TorchSharp device.</summary>
public static class DeviceChoice
{
    public static Device Resolve(DeviceKind kind) => kind switch
    {
        DeviceKind.Cpu => CPU,
        DeviceKind.Cuda when cuda.is_available() => CUDA,
        DeviceKind.Cuda => throw new DataException(
            "`train.device: cuda` was asked for, but no CUDA device and runtime are available to TorchSharp. " +
            "Use `device: auto` or `cpu`, or install a CUDA build (see docs/gpu.md)."),
        _ => cuda.is_available() ? CUDA : CPU,
    };
}
