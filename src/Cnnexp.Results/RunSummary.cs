namespace Cnnexp.Results;

/// <summary>summary.json: what a finished run found, per model and seed, and between models.</summary>
public sealed record RunSummary
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required string Dataset { get; init; }
    /// <summary>Class names, in label order.</summary>
    public IReadOnlyList<string> Classes { get; init; } = [];
    public required IReadOnlyList<int> Seeds { get; init; }
    public required IReadOnlyList<ModelSummary> Models { get; init; }
    /// <summary>Every pair of models, compared on final test accuracy, seed by seed (paired design).</summary>
    public IReadOnlyList<PairedComparison> Comparisons { get; init; } = [];
    /// <summary>Wall-clock seconds of the whole run.</summary>
    public double Seconds { get; init; }
    /// <summary>For a study with adaptive seeds: its rule, seeds used and why it stopped; null for fixed seeds.</summary>
    public AdaptiveSummary? Adaptive { get; init; }
    /// <summary>Extra scalar results keyed by name (e.g. the channel-contribution check's max |difference|).</summary>
    public IReadOnlyDictionary<string, double> Checks { get; init; } = new Dictionary<string, double>();
}

public sealed record ModelSummary
{
    public required string Name { get; init; }
    public required long Parameters { get; init; }
    public required long Macs { get; init; }
    public required IReadOnlyList<SeedResult> Seeds { get; init; }
    /// <summary>Final test accuracy over seeds: mean, standard deviation and 95% t confidence interval.</summary>
    public SampleStats? TestAccuracy { get; init; }
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
    /// <summary>Test accuracy per class, in label order (empty if not computed).</summary>
    public IReadOnlyList<double> PerClassAccuracy { get; init; } = [];
    /// <summary>Test confusion matrix: [true class][predicted class] counts (empty if not computed).</summary>
    public IReadOnlyList<IReadOnlyList<int>> Confusion { get; init; } = [];
    /// <summary>Done, or stopped early (<see cref="StopReason"/> says why).</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(UnitStatusConverter))]
    public UnitStatus Status { get; init; } = UnitStatus.Done;
    /// <summary>Why training stopped early (e.g. "training loss became NaN at epoch 3"); null when done.</summary>
    public string? StopReason { get; init; }
}

/// <summary>Mean, standard deviation (n-1) and 95% confidence interval from the t distribution.</summary>
public sealed record SampleStats(int N, double Mean, double StdDev, double Ci95Low, double Ci95High);

/// <summary>Model A minus model B on final test accuracy, paired by seed.</summary>
public sealed record PairedComparison
{
    public required string A { get; init; }
    public required string B { get; init; }
    public required int N { get; init; }
    public required double MeanDifference { get; init; }
    public required double Ci95Low { get; init; }
    public required double Ci95High { get; init; }
    /// <summary>Two-sided paired t-test p-value; NaN with fewer than 2 seeds.</summary>
    public required double PValue { get; init; }
    /// <summary>A plain-language sentence: real difference, or within seed noise.</summary>
    public required string Verdict { get; init; }
    /// <summary>
    /// How the interval and p-value were computed: null for the fixed-seed paired t-test; "anytime" for
    /// adaptive seeds (a 1 − α anytime-valid confidence sequence and its anytime-valid p-value).
    /// </summary>
    public string? Method { get; init; }
    /// <summary>The comparison's outcome under adaptive seeds (null for fixed seeds).</summary>
    public Statistics.Outcome? Outcome { get; init; }
}
