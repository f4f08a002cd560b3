namespace Cnnexp.Results.Statistics;

/// <summary>
/// Model A minus model B on final test accuracy, paired by seed, seen one seed at a time through the
/// anytime-valid confidence sequence (<see cref="AnytimeT"/>). The interval is the running
/// intersection of the sequence's intervals so far, and the e-value the largest so far: both stay
/// valid however often they are looked at.
/// </summary>
public sealed record SequentialComparison
{
    public required string A { get; init; }
    public required string B { get; init; }
    /// <summary>Seeds seen (paired).</summary>
    public required int N { get; init; }
    public required double MeanDifference { get; init; }
    /// <summary>The (1 − α) confidence sequence's interval for the mean difference (running intersection).</summary>
    public required double Low { get; init; }
    public required double High { get; init; }
    /// <summary>The largest e-value against "no difference" so far; 1/α or more means a real difference.</summary>
    public required double EValue { get; init; }
    /// <summary>Anytime-valid p-value, min(1, 1/EValue): valid at any stopping time, usable with Holm.</summary>
    public double PValue => Math.Min(1, 1 / EValue);
    public required Outcome Outcome { get; init; }

    /// <summary>
    /// The comparison after the paired differences <paramref name="differences"/> (A − B, in seed order).
    /// <paramref name="margin"/> (same units), when given, makes an interval inside ±margin "equivalent".
    /// </summary>
    public static SequentialComparison Of(string a, string b, IReadOnlyList<double> differences, double alpha, double? margin) =>
        History(a, b, differences, alpha, margin)[^1];

    /// <summary>The comparison after each seed: element k has seen seeds 0..k.</summary>
    public static IReadOnlyList<SequentialComparison> History(string a, string b, IReadOnlyList<double> differences, double alpha, double? margin)
    {
        var steps = new List<SequentialComparison>();
        double low = double.NegativeInfinity, high = double.PositiveInfinity, e = 1, sum = 0, squares = 0;
        for (int n = 1; n <= differences.Count; n++)
        {
            double x = differences[n - 1];
            sum += x; squares += x * x;
            double mean = sum / n;
            if (n >= 2)
            {
                double h = AnytimeT.HalfWidth(n, Math.Max(0, squares - n * mean * mean), alpha);   // mean ± h at this seed
                (low, high) = (Math.Max(low, mean - h), Math.Min(high, mean + h));
                if (low > high) (low, high) = (mean, mean);                // contradicting intervals (rare): keep a point
                e = Math.Max(e, AnytimeT.EValue(n, sum, squares));
            }
            steps.Add(new SequentialComparison
            {
                A = a, B = b, N = n, MeanDifference = mean, Low = low, High = high, EValue = e,
                Outcome = low > 0 || high < 0 ? Outcome.Real
                    : margin is double m && low > -m && high < m ? Outcome.Equivalent
                    : Outcome.Undecided,
            });
        }
        if (steps.Count == 0)
            steps.Add(new SequentialComparison
            {
                A = a, B = b, N = 0, MeanDifference = double.NaN, Low = double.NegativeInfinity, High = double.PositiveInfinity, EValue = 1,
                Outcome = Outcome.Undecided,
            });
        return steps;
    }
}
