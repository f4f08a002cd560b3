namespace Cnnexp.Results.Statistics;

/// <summary>Student's t distribution: CDF through the regularised incomplete beta function, quantiles by bisection.</summary>
public static class StudentT
{
    /// <summary>P(T ≤ t) for <paramref name="df"/> degrees of freedom.</summary>
    public static double Cdf(double t, double df)
    {
        if (double.IsNaN(t) || df <= 0) return double.NaN;
        if (double.IsPositiveInfinity(t)) return 1;
        if (double.IsNegativeInfinity(t)) return 0;
        double x = df / (df + t * t);
        double tail = 0.5 * IncompleteBeta.Regularized(df / 2, 0.5, x);   // P(T > |t|)
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>Two-sided p-value of a t statistic.</summary>
    public static double TwoSidedP(double t, double df) =>
        double.IsNaN(t) ? double.NaN : Math.Min(1, 2 * (1 - Cdf(Math.Abs(t), df)));

    /// <summary>The t value with P(T ≤ t) = <paramref name="p"/>.</summary>
    public static double Quantile(double p, double df)
    {
        if (p <= 0 || p >= 1 || df <= 0) return double.NaN;
        if (p < 0.5) return -Quantile(1 - p, df);
        double lo = 0, hi = 1;
        while (Cdf(hi, df) < p) hi *= 2;
        for (int i = 0; i < 200 && hi - lo > 1e-12 * Math.Max(1, hi); i++)
        {
            double mid = (lo + hi) / 2;
            if (Cdf(mid, df) < p) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }
}
