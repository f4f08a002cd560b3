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

    /// <summary>Once, when the data is loaded and the run directory is ready (also when resuming).</summary>
    public Action<RunStarting>? RunStart { get; init; }

    /// <summary>Once, after every unit finished and summary.json is written (not after an interruption).</summary>
    public Action<RunSummary>? RunEnd { get; init; }

    /// <summary>After every training step, inside the batch's dispose scope: its tensors are valid during the call only.</summary>
    public Action<TrainingStep>? Step { get; init; }

    /// <summary>Metrics computed on the test split after every epoch, stored in <see cref="EpochMetrics.Extra"/> as test_NAME.</summary>
    public IReadOnlyList<CustomMetric> Metrics { get; init; } = [];

    /// <summary>After an epoch is evaluated and before it is saved: values to add to its metrics.csv row.</summary>
    public Func<EpochReview, IReadOnlyDictionary<string, double>?>? Review { get; init; }
}

/// <summary>Progress inside an epoch.</summary>
public readonly record struct BatchProgress(string Model, int Seed, int Epoch, int Epochs, int Batch, int Batches,
    double RunningLoss, double ImagesPerSecond);
