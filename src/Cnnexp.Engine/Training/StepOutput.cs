using static TorchSharp.torch;

namespace Cnnexp.Engine.Training;

/// <summary>What <see cref="GradientStep.Take"/> computed: the logits (N, classes) before the step, and the loss (a scalar).</summary>
public sealed record StepOutput(Tensor Logits, Tensor Loss);
