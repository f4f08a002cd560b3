using Cnnexp.Results;

namespace Cnnexp;

/// <summary>One progress report of <see cref="Experiment.RunAsync"/>, for an <see cref="IProgress{T}"/>.</summary>
public sealed record TrainingProgress
{
    public required TrainingProgressKind Kind { get; init; }
    public string Model { get; init; } = "";
    public int Seed { get; init; }
    public int Epoch { get; init; }
    public int Epochs { get; init; }
    /// <summary>1-based batch within the epoch (Batch reports).</summary>
    public int Batch { get; init; }
    public int Batches { get; init; }
    /// <summary>The epoch's running training loss so far (Batch), or its training loss (Epoch).</summary>
    public double Loss { get; init; }
    public double ImagesPerSecond { get; init; }
    /// <summary>The finished epoch's metrics.csv row (Epoch reports), else null.</summary>
    public EpochMetrics? Metrics { get; init; }
    /// <summary>The log line (Message reports), else null.</summary>
    public string? Message { get; init; }
}
