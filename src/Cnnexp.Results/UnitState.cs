namespace Cnnexp.Results;

/// <summary>
/// state.json of one unit of work (a model trained with one seed): how far it got. Written
/// atomically after every epoch, so a killed process loses at most the epoch in progress.
/// </summary>
public sealed record UnitState
{
    public required string Model { get; init; }
    public required int Seed { get; init; }
    public UnitStatus Status { get; init; } = UnitStatus.Pending;
    public int EpochsDone { get; init; }
    public int BestEpoch { get; init; }
    public double BestMetric { get; init; } = double.NaN;
    /// <summary>Epochs since the best one (early stopping).</summary>
    public int EpochsWithoutImprovement { get; init; }
    /// <summary>
    /// libtorch threads the unit started training with. Its metrics depend on them (float summation order),
    /// never on how many units ran beside it; null in runs of cnnexp before 0.4.
    /// </summary>
    public int? Threads { get; init; }
    /// <summary>Why the unit stopped or failed, in words.</summary>
    public string? Message { get; init; }
    /// <summary>For a unit that failed unexpectedly: the exception's type, message and stack trace, as .NET prints them.</summary>
    public string? Error { get; init; }
    /// <summary>The final result, once done or stopped.</summary>
    public SeedResult? Result { get; init; }

    public bool Finished => Status.IsFinished();
}
