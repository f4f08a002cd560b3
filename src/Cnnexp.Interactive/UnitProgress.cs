using Cnnexp.Results;

namespace Cnnexp.Interactive;

/// <summary>One unit's progress: where its current epoch stands, and its last finished epoch.</summary>
sealed record UnitProgress(string Model, int Seed)
{
    public int Epochs { get; set; }
    public int Epoch { get; set; }
    public int Batch { get; set; }
    public int Batches { get; set; }
    public double RunningLoss { get; set; }
    public double ImagesPerSecond { get; set; }
    public EpochMetrics? LastEpoch { get; set; }

    /// <summary>Epochs done, counting the running one by its batches; 1 when its last epoch is saved.</summary>
    public double Fraction
    {
        get
        {
            if (Epochs <= 0) return 0;
            double done = LastEpoch?.Epoch ?? 0;
            if (Batches > 0 && Epoch > done) done = Epoch - 1 + (double)Batch / Batches;
            return Math.Clamp(done / Epochs, 0, 1);
        }
    }
}
