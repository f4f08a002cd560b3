namespace Cnnexp.Results;

/// <summary>One row of metrics.csv: a model, a seed, an epoch.</summary>
public sealed record EpochMetrics
{
    public required string Model { get; init; }
    public required int Seed { get; init; }
    public required int Epoch { get; init; }
    public required double TrainLoss { get; init; }
    public required double TrainAccuracy { get; init; }
    public required double TestLoss { get; init; }
    public required double TestAccuracy { get; init; }
    /// <summary>Loss on the held-out validation split; NaN when the spec has no `val_fraction`.</summary>
    public double ValLoss { get; init; } = double.NaN;
    /// <summary>Accuracy on the validation split; NaN when there is none.</summary>
    public double ValAccuracy { get; init; } = double.NaN;
    public required double LearningRate { get; init; }
    public required double Seconds { get; init; }
    public required double ImagesPerSecond { get; init; }
    /// <summary>
    /// Columns beyond the built-in ones, by name: custom metrics (<c>test_NAME</c>) and values hooks
    /// record (e.g. <c>gradnorm_conv1</c>). Empty when the spec has no hooks.
    /// </summary>
    public IReadOnlyDictionary<string, double> Extra { get; init; } = NoExtra;

    static readonly IReadOnlyDictionary<string, double> NoExtra = new Dictionary<string, double>();
}
