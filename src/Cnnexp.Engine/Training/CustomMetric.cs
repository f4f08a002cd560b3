using static TorchSharp.torch;

namespace Cnnexp.Engine.Training;

/// <summary>A metric computed from a whole split's logits (N, classes) and labels (N).</summary>
public sealed record CustomMetric(string Name, Func<Tensor, Tensor, double> Compute);
