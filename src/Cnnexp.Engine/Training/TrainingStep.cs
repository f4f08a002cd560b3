using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Training;

/// <summary>One finished training step: optimiser stepped, gradients still held by the parameters.</summary>
/// <param name="Images">(N, C, H, W) as fed to the model (before its input transforms).</param>
/// <param name="Labels">(N) class indices.</param>
/// <param name="Logits">(N, classes).</param>
/// <param name="Loss">This batch's loss.</param>
public sealed record TrainingStep(BatchProgress Progress, Sequential Network, Tensor Images, Tensor Labels, Tensor Logits, double Loss);
