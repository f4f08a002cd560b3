namespace Cnnexp.Results.Statistics;

/// <summary>
/// An anytime-valid t-test and confidence sequence for the mean of Gaussian observations with unknown
/// variance: the scale-invariant Gaussian-mixture test martingale of Wang and Ramdas (2023),
/// "Anytime-valid t-tests and confidence sequences for Gaussian means with unknown variance"
/// (arXiv:2310.03722; Sequential Analysis, 2025), which refines Lai (1976), "On confidence
/// sequences", Annals of Statistics 4(2).
/// </summary>
/// <remarks>
/// For H0: mean = m, with d_i = x_i − m, S = Σ d_i and V = Σ d_i², mixing the likelihood of the
/// scale-invariant data over σ (right Haar measure) and over the standardised effect δ = (mean − m)/σ
/// with a N(0, 1/c) prior gives
/// <code>M_n(m) = sqrt(c / (n + c)) · (1 − S² / ((n + c) V))^(−n/2)</code>,
/// a nonnegative martingale with M_1 = 1 under H0, whatever σ. Ville's inequality bounds the chance
/// that it ever reaches 1/α by α, so {m : M_n(m) &lt; 1/α} is a (1 − α) confidence sequence: it covers
/// the true mean at every n at once, however often one looks and whenever one stops. Solving for m
/// gives the closed-form interval in <see cref="HalfWidth"/>. The prior precision <see cref="C"/> was
/// chosen by simulation (docs/statistics.md): smaller values resolve large effects a seed earlier,
/// larger ones small effects a little sooner.
/// </remarks>
public static class AnytimeT
{
    /// <summary>Prior precision c of the standardised effect (prior SD 2 standard deviations).</summary>
    public const double C = 0.25;

    /// <summary>The e-value M_n(<paramref name="mean0"/>) of the observations against H0: mean = mean0 (1 for fewer than 2).</summary>
    public static double EValue(IReadOnlyList<double> x, double mean0 = 0)
    {
        double s = 0, v = 0;
        foreach (double xi in x) { double d = xi - mean0; s += d; v += d * d; }
        return EValue(x.Count, s, v);
    }

    /// <summary>M_n from n, S = Σ d_i and V = Σ d_i² of the deviations d_i = x_i − mean0.</summary>
    public static double EValue(int n, double s, double v)
    {
        if (n < 2) return 1;
        if (v == 0) return 1;                                          // every observation equals mean0: no evidence against it
        double shrink = 1 - s * s / ((n + C) * v);                     // in (c/(n+c), 1]
        return Math.Sqrt(C / (n + C)) * Math.Exp(-n / 2.0 * Math.Log(shrink));
    }

    /// <summary>
    /// Half-width of the (1 − <paramref name="alpha"/>) confidence sequence around the mean of n
    /// observations whose sum of squared deviations from their mean is <paramref name="q"/>;
    /// infinite while n is too small for any finite interval (n ≤ 3 at α = 0.05).
    /// </summary>
    public static double HalfWidth(int n, double q, double alpha)
    {
        if (n < 2) return double.PositiveInfinity;
        double r = Math.Sqrt((n + C) / C) / alpha;                     // M_n < 1/α  ⇔  (1 − S²/((n+c)V))^(−n/2) < r
        double g = 1 - Math.Pow(r, -2.0 / n);                          // ⇔ n²d² < g (n+c)(q + n d²), d = mean − m
        double denominator = n - g * (n + C);
        return denominator <= 0 ? double.PositiveInfinity : Math.Sqrt(g * (n + C) * q / (n * denominator));
    }

    /// <summary>The confidence sequence's interval after the observations (mean ± <see cref="HalfWidth"/>).</summary>
    public static (double Low, double High) Interval(IReadOnlyList<double> x, double alpha)
    {
        int n = x.Count;
        if (n == 0) return (double.NegativeInfinity, double.PositiveInfinity);
        double mean = x.Average(), q = x.Sum(v => (v - mean) * (v - mean));
        double h = HalfWidth(n, q, alpha);
        return (mean - h, mean + h);
    }
}
