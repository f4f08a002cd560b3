namespace Cnnexp.Results.Statistics;

/// <summary>
/// How an adaptive study adds seeds: waves of one seed per model (seeds 0, 1, 2, …) from
/// <see cref="Min"/> to <see cref="Max"/>, until every comparison that matters is resolved.
/// </summary>
public sealed record AdaptivePolicy
{
    /// <summary>Seeds every model trains before the first decision (at least 2).</summary>
    public required int Min { get; init; }
    /// <summary>Seeds at most.</summary>
    public required int Max { get; init; }
    /// <summary>Error rate of the whole sequence of looks (each comparison's confidence sequence is 1 − α).</summary>
    public double Alpha { get; init; } = 0.05;
    /// <summary>Equivalence margin as a fraction of accuracy (0.01 = 1 point); null: "equivalent" is not an outcome.</summary>
    public double? Margin { get; init; }
    /// <summary>Drop a model once it is significantly worse than another (Holm over every pair); it trains no more seeds.</summary>
    public bool Race { get; init; }
    /// <summary>The comparisons that decide when to stop, as (A, B) model names; empty: every pair.</summary>
    public IReadOnlyList<(string A, string B)> Compare { get; init; } = [];
}
