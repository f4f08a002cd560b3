using Cnnexp.Results;

namespace Cnnexp.Interactive;

/// <summary>What <see cref="LiveRun"/> knows: every unit seen so far, in the order they started, and the last log line.</summary>
sealed class LiveRunState(string name, int expectedUnits)
{
    public string Name { get; } = name;
    public int ExpectedUnits { get; } = expectedUnits;
    public List<UnitProgress> Units { get; private init; } = [];
    public string? LastMessage { get; private set; }
    public bool Finished { get; set; }

    public double Fraction => Units.Count == 0 ? 0 : Units.Sum(u => u.Fraction) / Math.Max(ExpectedUnits, Units.Count);

    public void Apply(TrainingProgress p)
    {
        if (p.Kind == TrainingProgressKind.Message)
        {
            LastMessage = p.Message;
            return;
        }
        var unit = Units.FirstOrDefault(u => u.Model == p.Model && u.Seed == p.Seed);
        if (unit is null) Units.Add(unit = new UnitProgress(p.Model, p.Seed));
        if (p.Kind == TrainingProgressKind.Batch)
        {
            (unit.Epochs, unit.Epoch, unit.Batch, unit.Batches) = (p.Epochs, p.Epoch, p.Batch, p.Batches);
            (unit.RunningLoss, unit.ImagesPerSecond) = (p.Loss, p.ImagesPerSecond);
        }
        else if (p.Metrics is { } m)
        {
            unit.LastEpoch = m;
            unit.Epoch = m.Epoch;
            unit.ImagesPerSecond = m.ImagesPerSecond;
        }
    }

    public LiveRunState Copy() => new(Name, ExpectedUnits)
    {
        Units = Units.Select(u => u with { }).ToList(), LastMessage = LastMessage, Finished = Finished,
    };

    /// <summary>The F# modules' report as the C# one (the metrics row rebuilt from its record).</summary>
    public static TrainingProgress FromFSharp(FSharp.Progress p) => p switch
    {
        FSharp.Progress.Batch { Item: var b } => new TrainingProgress
        {
            Kind = TrainingProgressKind.Batch, Model = b.Model, Seed = b.Seed, Epoch = b.Epoch, Epochs = b.Epochs,
            Batch = b.Batch, Batches = b.Batches, Loss = b.Loss, ImagesPerSecond = b.ImagesPerSecond,
        },
        FSharp.Progress.Epoch { Item: var r } => new TrainingProgress
        {
            Kind = TrainingProgressKind.Epoch, Model = r.Model, Seed = r.Seed, Epoch = r.Epoch, Loss = r.TrainLoss,
            ImagesPerSecond = r.ImagesPerSecond,
            Metrics = new EpochMetrics
            {
                Model = r.Model, Seed = r.Seed, Epoch = r.Epoch, TrainLoss = r.TrainLoss, TrainAccuracy = r.TrainAccuracy,
                TestLoss = r.TestLoss, TestAccuracy = r.TestAccuracy, LearningRate = r.LearningRate, ImagesPerSecond = r.ImagesPerSecond, Seconds = r.Seconds,
            },
        },
        FSharp.Progress.Message { Item: var line } => new TrainingProgress { Kind = TrainingProgressKind.Message, Message = line },
        _ => throw new ArgumentOutOfRangeException(nameof(p), p, "an F# progress case this version does not know"),
    };
}
