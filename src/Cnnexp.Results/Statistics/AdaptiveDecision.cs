namespace Cnnexp.Results.Statistics;

/// <summary>Why an adaptive study stopped, or that it goes on.</summary>
public enum StopReason { Continue, Resolved, MaxSeeds, OneModelLeft, UnitFailed }

/// <summary>
/// Where an adaptive study stands after the waves it has finished: each comparison's sequence, the
/// models dropped by racing, whether to stop and why, and the units the next wave trains.
/// </summary>
public sealed record AdaptiveDecision
{
    /// <summary>Seeds per model in the last complete wave (0 before the first decision).</summary>
    public required int Seeds { get; init; }
    public required StopReason Reason { get; init; }
    public bool Stop => Reason != StopReason.Continue;
    /// <summary>The comparisons that decide, with their state after <see cref="Seeds"/> seeds (or when one side was dropped).</summary>
    public required IReadOnlyList<SequentialComparison> Comparisons { get; init; }
    /// <summary>Each comparison's state seed by seed (for the narrowing-interval figure), keyed "A|B".</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<SequentialComparison>> History { get; init; }
    /// <summary>Models dropped by racing, with the wave (seed count) they were dropped after and by which model.</summary>
    public required IReadOnlyList<DroppedModel> Dropped { get; init; }
    /// <summary>Units (model, seed) to train next; empty once stopped.</summary>
    public required IReadOnlyList<(string Model, int Seed)> Next { get; init; }
    /// <summary>Units the maximum allowed that this study did not train (models × max − trained).</summary>
    public int UnitsSaved { get; init; }
    /// <summary>A failed unit that stops the study (its model and seed), when <see cref="Reason"/> is UnitFailed.</summary>
    public string? Failure { get; init; }
}

/// <summary>A model that racing stopped training: worse than <see cref="By"/> after <see cref="Seeds"/> seeds.</summary>
public sealed record DroppedModel(string Model, int Seeds, string By, double PValue);
