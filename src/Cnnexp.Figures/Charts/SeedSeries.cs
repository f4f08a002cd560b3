using Cnnexp.Results;

namespace Cnnexp.Figures.Charts;

/// <summary>One metric of one model per epoch: mean, min and max over the seeds that reached that epoch.</summary>
public sealed record SeedSeries(double[] Epochs, double[] Mean, double[] Min, double[] Max, int Seeds)
{
    public bool IsEmpty => Epochs.Length == 0;

    public static SeedSeries Of(IReadOnlyList<EpochMetrics> metrics, string model, Func<EpochMetrics, double> value, double scale = 1)
    {
        var rows = metrics.Where(m => m.Model == model && double.IsFinite(value(m)))
            .GroupBy(m => m.Epoch).OrderBy(g => g.Key).ToList();
        return new SeedSeries(
            rows.Select(g => (double)g.Key).ToArray(),
            rows.Select(g => g.Average(value) * scale).ToArray(),
            rows.Select(g => g.Min(value) * scale).ToArray(),
            rows.Select(g => g.Max(value) * scale).ToArray(),
            rows.Count == 0 ? 0 : rows.Max(g => g.Select(m => m.Seed).Distinct().Count()));
    }
}
