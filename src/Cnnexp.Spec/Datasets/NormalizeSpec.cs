using Cnnexp.Spec.Binding;

namespace Cnnexp.Spec.Datasets;

[Section("Per-channel normalisation of every image (training, validation and test alike), in [0, 1] pixel units.")]
public sealed record NormalizeSpec : SpecNode
{
    [Field("Mean to subtract, per channel (or one for all), e.g. `[0.4914, 0.4822, 0.4465]` for CIFAR-10.", Required = true)]
    public IReadOnlyList<double> Mean { get; init; } = [];

    [Field("Standard deviation to divide by, per channel (or one for all); each above 0.", Required = true, Min = 1e-12)]
    public IReadOnlyList<double> Std { get; init; } = [];

    /// <summary>Mean and std expanded to one value per channel.</summary>
    public double[] MeanFor(int channels) => Mean.Count == 1 ? Enumerable.Repeat(Mean[0], channels).ToArray() : [.. Mean];
    public double[] StdFor(int channels) => Std.Count == 1 ? Enumerable.Repeat(Std[0], channels).ToArray() : [.. Std];
}
