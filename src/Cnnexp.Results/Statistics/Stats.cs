using System.Globalization;

namespace Cnnexp.Results.Statistics;

/// <summary>Summary statistics over seeds and paired comparisons between models.</summary>
public static class Stats
{
    /// <summary>Mean, sample standard deviation and 95% t interval; with one value the interval is undefined (NaN).</summary>
    public static SampleStats Describe(IReadOnlyList<double> values)
    {
        int n = values.Count;
        if (n == 0) return new SampleStats(0, double.NaN, double.NaN, double.NaN, double.NaN);
        double mean = values.Average();
        if (n == 1) return new SampleStats(1, mean, double.NaN, double.NaN, double.NaN);
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        double half = StudentT.Quantile(0.975, n - 1) * sd / Math.Sqrt(n);
        return new SampleStats(n, mean, sd, mean - half, mean + half);
    }

    /// <summary>
    /// Paired comparison of A − B (values matched by seed): mean difference, 95% t interval and
    /// two-sided paired t-test p-value, with a verdict a reader can act on.
    /// </summary>
    public static PairedComparison Paired(string a, string b, IReadOnlyList<double> valuesA, IReadOnlyList<double> valuesB)
    {
        if (valuesA.Count != valuesB.Count) throw new ArgumentException("paired samples need one value per seed on both sides");
        var diffs = valuesA.Zip(valuesB, (x, y) => x - y).ToList();
        var d = Describe(diffs);
        double p = d.N < 2 ? double.NaN
            : d.StdDev == 0 ? (d.Mean == 0 ? 1 : 0)
            : StudentT.TwoSidedP(d.Mean / (d.StdDev / Math.Sqrt(d.N)), d.N - 1);
        double low = d.StdDev == 0 && d.N >= 2 ? d.Mean : d.Ci95Low;
        double high = d.StdDev == 0 && d.N >= 2 ? d.Mean : d.Ci95High;
        return new PairedComparison
        {
            A = a, B = b, N = d.N, MeanDifference = d.Mean, Ci95Low = low, Ci95High = high, PValue = p,
            Verdict = Verdict(a, b, d.N, d.Mean, low, high, p, d.StdDev),
        };
    }

    static string Verdict(string a, string b, int n, double mean, double low, double high, double p, double sd)
    {
        string pts(double v) => (100 * v).ToString("0.0", CultureInfo.InvariantCulture);
        if (n < 2)
            return $"{a} − {b} = {pts(mean)} points on one seed: a single run cannot separate a real difference from seed noise; use 3 or more seeds.";
        string ci = $"95% CI [{pts(low)}, {pts(high)}] points, p = {FormatP(p)}, {n} seeds";
        if (low > 0 || high < 0)
        {
            var (better, worse) = mean > 0 ? (a, b) : (b, a);
            return $"{better} beats {worse} by {pts(Math.Abs(mean))} points ({ci}): a real difference, not seed noise.";
        }
        // What would settle it: the seeds a 1-point difference needs, from the spread seen (docs/statistics.md).
        string power = sd > 0 ? "; " + Power.Sentence(1, 100 * sd) : "";
        return $"{a} − {b} = {pts(mean)} points ({ci}): within seed noise; no real difference shown{power}.";
    }

    public static string FormatP(double p) =>
        double.IsNaN(p) ? "n/a" : p < 0.001 ? "< 0.001" : p.ToString("0.000", CultureInfo.InvariantCulture);
}
