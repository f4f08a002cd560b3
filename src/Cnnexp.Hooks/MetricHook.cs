using static TorchSharp.torch;

namespace Cnnexp.Hooks;

/// <summary>A registered metric: its name and function (logits (N, classes), labels (N)) → number.</summary>
public sealed record MetricHook(string Name, Func<Tensor, Tensor, double> Compute);
