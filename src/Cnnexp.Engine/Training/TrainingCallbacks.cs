using Cnnexp.Results;

namespace Cnnexp.Engine.Training;

/// <summary>Where training reports progress. Every member is optional.</summary>
public sealed record TrainingCallbacks
{
    /// <summary>After every batch (for live displays): cheap, called on the training thread.</summary>
    public Action<BatchProgress>? Batch { get; init; }

    /// <summary>After every epoch with its metrics.</summary>
    public Action<EpochMetrics>? Epoch { get; init; }

    /// <summary>After every epoch; returning a reason stops this model/seed early (e.g. a hook's request).</summary>
    public Func<EpochMetrics, string?>? StopRequest { get; init; }
}

/// <summary>Progress inside an epoch.</summary>
public readonly record struct BatchProgress(string Model, int Seed, int Epoch, int Epochs, int Batch, int Batches,
    double RunningLoss, double ImagesPerSecond);
