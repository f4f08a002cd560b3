using Cnnexp.Spec.Binding;

namespace Cnnexp.Spec.Model;

/// <summary>When an adaptive study stops adding seeds.</summary>
public enum StopRule { Resolved }

[Section("Adaptive seeds: train seeds 0, 1, 2, … in waves (one more seed per model each wave) and stop as soon as every comparison " +
         "is resolved, judged by an anytime-valid confidence sequence whose error rate holds however often it looks (docs/statistics.md).")]
public sealed record AdaptiveSeeds : SpecNode
{
    [Field("Seeds every model trains before the first decision; at least 2.", Min = 1, Max = 1000)] public int Min { get; init; } = 3;
    [Field("Seeds at most; a comparison still open then is reported as unresolved, with the seeds it would need.", Min = 1, Max = 1000)]
    public int Max { get; init; } = 20;
    [Field("`resolved`: stop once every comparison is a real difference (or, with `margin`, equivalent).")]
    public StopRule Until { get; init; } = StopRule.Resolved;
    [Field("Equivalence margin in accuracy points: a comparison whose interval lies inside ±margin is resolved as equivalent (absent: that outcome is off).", Min = 0, Max = 100)]
    public double? Margin { get; init; }
    [Field("Drop a model as soon as it is significantly worse than another (Holm-corrected); default: on with 3 or more models.")]
    public bool? Race { get; init; }
    [Field("Error rate of the whole sequence of looks.", Min = 0.001, Max = 0.5)] public double Alpha { get; init; } = 0.05;

    /// <summary>Racing as it applies to <paramref name="models"/> models.</summary>
    public bool RacesWith(int models) => Race ?? models >= 3;
}
