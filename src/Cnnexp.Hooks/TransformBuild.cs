using Cnnexp.Spec.Planning;
using static TorchSharp.torch;

namespace Cnnexp.Hooks;

/// <summary>
/// A script input transform: a function from a batch (N, C, H, W) to a batch, and the shape one image
/// has after it. It runs on every batch, in training and evaluation alike, inside the batch's dispose
/// scope: tensors it creates are freed with the batch. Tensors created while building are kept for
/// as long as the model lives.
/// </summary>
/// <param name="Apply">Batch in, batch out: (N, C, H, W) → (N, C', H', W').</param>
/// <param name="Output">One image's shape after the transform, batch left out.</param>
public sealed record TransformBuild(Func<Tensor, Tensor> Apply, Shape Output);
