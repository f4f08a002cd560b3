using Cnnexp.Engine.Modules;
using Cnnexp.Spec.Model;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Training;

/// <summary>
/// One optimisation step on one batch, as training takes it: forward, cross-entropy (with the spec's
/// label smoothing), backward, gradient clipping, optimiser step. The trainer and the PyTorch parity
/// test (tests/parity) both call it, so the test checks the step training really takes.
/// </summary>
public static class GradientStep
{
    /// <param name="x">(N, C, H, W) images as fed to the model (before its input transforms).</param>
    /// <param name="y">(N) class indices.</param>
    /// <returns>The logits computed before the step, and the loss; the parameters keep their gradients.</returns>
    public static StepOutput Take(Sequential model, optim.Optimizer optimizer, Tensor x, Tensor y, TrainSpec train)
    {
        var logits = Autocast.ToFloat(model.forward(x));   // (N, classes), fp32 for the loss whatever the precision
        var loss = nn.functional.cross_entropy(logits, y, label_smoothing: train.LabelSmoothing);
        optimizer.zero_grad();
        loss.backward();
        if (train.GradClip is double clip) nn.utils.clip_grad_norm_(model.parameters().Where(p => p.requires_grad), clip);   // frozen parameters have no gradient
        optimizer.step();
        return new StepOutput(logits, loss);
    }
}
