namespace Cnnexp.Results;

/// <summary>summary.json: what a finished run found, per model and seed.</summary>
public sealed record RunSummary
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required string Dataset { get; init; }
    public required IReadOnlyList<int> Seeds { get; init; }
    public required IReadOnlyList<ModelSummary> Models { get; init; }
    public double Seconds { get; init; }
}

public sealed record ModelSummary
{
    public required string Name { get; init; }
    public required long Parameters { get; init; }
    public required long Macs { get; init; }
    public required IReadOnlyList<SeedResult> Seeds { get; init; }
    /// <summary>Mean final test accuracy over seeds.</summary>
    public double MeanTestAccuracy => Seeds.Count == 0 ? double.NaN : Seeds.Average(s => s.FinalTestAccuracy);
}

public sealed record SeedResult
{
    public required int Seed { get; init; }
    public required int Epochs { get; init; }
    public required double FinalTrainLoss { get; init; }
    public required double FinalTestLoss { get; init; }
    public required double FinalTestAccuracy { get; init; }
    /// <summary>"completed", or why training stopped (e.g. "stopped: loss became NaN at epoch 3").</summary>
    public string Status { get; init; } = "completed";
}
