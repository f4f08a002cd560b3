using Cnnexp.Spec.Planning;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Modules;

/// <summary>
/// A script layer or transform, bound by the scripting stage, that builds its own module. The spec
/// records (<c>ScriptLayer.Script</c>) hold it as a shape rule; the registry builds through this.
/// </summary>
public interface IModuleSource
{
    /// <summary>A new module for one example of shape <paramref name="input"/> (batch left out).</summary>
    nn.Module<Tensor, Tensor> Build(Shape input);

    /// <summary>The module takes bf16 input as it comes in a low-precision run; otherwise cnnexp hands it fp32.</summary>
    bool AcceptsLowPrecision => false;

    /// <summary>The script supplies ONNX nodes for its modules (known once planned).</summary>
    bool WritesOnnx => false;

    /// <summary>The ONNX nodes of <paramref name="module"/>, one of the modules <see cref="Build"/> returned; null when the script gives none.</summary>
    Func<Spec.Scripts.IOnnxGraph, string, string>? OnnxFor(nn.Module<Tensor, Tensor> module) => null;
}
