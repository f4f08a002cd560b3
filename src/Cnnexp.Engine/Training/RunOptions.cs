namespace Cnnexp.Engine.Training;

/// <summary>How to run an experiment: where to write, how many threads, where to report progress.</summary>
public sealed record RunOptions
{
    /// <summary>The run directory; created if missing.</summary>
    public required string OutDir { get; init; }

    /// <summary>CPU threads for libtorch; 0 means <see cref="Native.NativeRuntime.DefaultThreads"/>.</summary>
    public int Threads { get; init; }

    /// <summary>One line per event (epoch finished, model finished); null for silence.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Called after every epoch with its metrics (for live displays and callbacks).</summary>
    public Action<Results.EpochMetrics>? OnEpoch { get; init; }
}
