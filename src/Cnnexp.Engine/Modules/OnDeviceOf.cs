using static TorchSharp.torch;

namespace Cnnexp.Engine.Modules;

/// <summary>
/// A constant tensor of a fixed-function module on the input's device: the module's own copy when
/// they agree (always on CPU), else a per-batch copy, so a model moved to CUDA keeps working even
/// if its non-persistent buffers stayed behind.
/// </summary>
static class OnDeviceOf
{
    public static Tensor Tensor(Tensor constant, Tensor input) =>
        constant.device_type == input.device_type && constant.device_index == input.device_index ? constant : constant.to(input.device);
}
