namespace Cnnexp.Results.Statistics;

/// <summary>
/// How many seeds a question needs: the seeds at which a true difference of <c>effect</c> (with paired
/// seed-to-seed spread <c>sd</c>) is detected with probability <c>power</c>, by simulating Gaussian
/// paired differences (4,000 studies; the answer depends only on effect / sd).
/// </summary>
public static class Power
{
    public sealed record Seeds(int? Adaptive, int? Fixed, int Limit);

    /// <param name="limit">Seeds searched at most; a null answer means more than this.</param>
    public static Seeds Needed(double effect, double sd, double power = 0.8, double alpha = 0.05, int limit = 1000, int studies = 4000)
    {
        if (!(sd > 0) || !double.IsFinite(sd)) return new Seeds(2, 2, limit);
        double delta = Math.Abs(effect) / sd;
        var rng = new Random(20261206);
        var adaptiveHit = new int[limit + 1];                                    // studies first resolved at n
        var fixedHit = new int[limit + 1];                                       // studies whose fixed-n t-test rejects at n
        var critical = Enumerable.Range(0, limit + 1).Select(n => n < 2 ? double.NaN : StudentT.Quantile(1 - alpha / 2, n - 1)).ToArray();
        for (int study = 0; study < studies; study++)
        {
            double sum = 0, squares = 0;
            bool resolved = false;
            for (int n = 1; n <= limit; n++)
            {
                double x = delta + Gaussian(rng);
                sum += x; squares += x * x;
                if (n < 2) continue;
                double mean = sum / n, q = squares - n * mean * mean;
                if (!resolved && AnytimeT.EValue(n, sum, squares) >= 1 / alpha) { adaptiveHit[n]++; resolved = true; }
                if (q > 0 && Math.Abs(mean) / Math.Sqrt(q / (n - 1) / n) > critical[n]) fixedHit[n]++;
            }
        }
        int? adaptive = null, fixedN = null;
        for (int n = 2, cumulative = 0; n <= limit && adaptive is null; n++)
            if ((cumulative += adaptiveHit[n]) >= power * studies) adaptive = n;
        for (int n = 2; n <= limit && fixedN is null; n++)
            if (fixedHit[n] >= power * studies) fixedN = n;
        return new Seeds(adaptive, fixedN, limit);
    }

    /// <summary>One sentence for a verdict that did not resolve: "to detect 1 point with 80% power: about 14 seeds".</summary>
    public static string Sentence(double effectPoints, double sdPoints, double power = 0.8, double alpha = 0.05)
    {
        var seeds = Needed(effectPoints, sdPoints, power, alpha);
        string effect = effectPoints.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        string pct = (power * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        string fixedPart = seeds.Fixed is int f ? $"about {f} seeds in a fixed-size study" : $"more than {seeds.Limit} seeds in a fixed-size study";
        string adaptivePart = seeds.Adaptive is int a ? $"about {a} with adaptive seeds" : $"more than {seeds.Limit} with adaptive seeds";
        return $"to detect {effect} point{(effect == "1" ? "" : "s")} with {pct}% power: {fixedPart}, {adaptivePart}";
    }

    static double Gaussian(Random rng)
    {
        double u = 1 - rng.NextDouble(), v = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
