using Cnnexp.Results.Statistics;

namespace Cnnexp.Results;

/// <summary>summary.json's record of an adaptive study: the rule, the seeds it used, why it stopped, what it saved.</summary>
public sealed record AdaptiveSummary
{
    /// <summary>The stopping rule as the spec gives it, e.g. <c>{ min: 3, max: 20, until: resolved }</c>.</summary>
    public required string Rule { get; init; }
    public required int Min { get; init; }
    public required int Max { get; init; }
    public required double Alpha { get; init; }
    /// <summary>Equivalence margin in accuracy points, when given.</summary>
    public double? Margin { get; init; }
    public required bool Race { get; init; }
    /// <summary>Seeds per model in the last complete wave.</summary>
    public required int Seeds { get; init; }
    /// <summary><c>continue</c> (still running), <c>resolved</c>, <c>max_seeds</c>, <c>one_model_left</c> or <c>unit_failed</c>.</summary>
    public required StopReason Reason { get; init; }
    /// <summary>Why, in one sentence.</summary>
    public required string Explanation { get; init; }
    /// <summary>Units that <see cref="Max"/> would have trained and this study did not.</summary>
    public required int UnitsSaved { get; init; }
    public IReadOnlyList<DroppedModel> Dropped { get; init; } = [];
    /// <summary>Each deciding comparison's interval after every seed, for the figure.</summary>
    public IReadOnlyList<ComparisonHistory> History { get; init; } = [];
}

/// <summary>One comparison's confidence sequence seed by seed (accuracy as fractions).</summary>
public sealed record ComparisonHistory(string A, string B, IReadOnlyList<HistoryPoint> Points);

/// <summary>After <see cref="Seeds"/> seeds: the mean difference and the interval (infinite ends are null in JSON).</summary>
public sealed record HistoryPoint(int Seeds, double Mean, double? Low, double? High);
