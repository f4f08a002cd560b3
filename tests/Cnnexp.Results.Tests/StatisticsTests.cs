using Cnnexp.Results.Statistics;

namespace Cnnexp.Results.Tests;

public class StatisticsTests
{
    // Two-sided 95% critical values of Student's t, from any textbook table.
    [Theory]
    [InlineData(1, 12.7062)]
    [InlineData(2, 4.3027)]
    [InlineData(4, 2.7764)]
    [InlineData(9, 2.2622)]
    [InlineData(30, 2.0423)]
    [InlineData(1000, 1.9623)]
    public void T_quantile_matches_the_table(int df, double expected) =>
        Assert.Equal(expected, StudentT.Quantile(0.975, df), 4);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.7)]
    [InlineData(-2.5)]
    [InlineData(31.0)]
    public void T_cdf_matches_closed_forms_for_one_and_two_degrees_of_freedom(double t)
    {
        Assert.Equal(0.5 + Math.Atan(t) / Math.PI, StudentT.Cdf(t, 1), 12);              // Cauchy
        Assert.Equal(0.5 + t / (2 * Math.Sqrt(2 + t * t)), StudentT.Cdf(t, 2), 12);
    }

    [Fact]
    public void T_cdf_matches_a_table_value() => Assert.Equal(0.963306, StudentT.Cdf(2.0, 10), 6);

    [Fact]
    public void Describe_gives_mean_sd_and_t_interval()
    {
        var s = Stats.Describe([1, 2, 3, 4, 5]);
        Assert.Equal(3, s.Mean, 12);
        Assert.Equal(Math.Sqrt(2.5), s.StdDev, 12);
        double half = 2.776445 * Math.Sqrt(2.5) / Math.Sqrt(5);
        Assert.Equal(3 - half, s.Ci95Low, 5);
        Assert.Equal(3 + half, s.Ci95High, 5);
    }

    [Fact]
    public void Paired_t_test_matches_the_closed_form_and_calls_a_clear_gap_real()
    {
        // Differences 0.10, 0.09, 0.10: t = mean / (sd / sqrt 3); with 2 df, p = 1 - t / sqrt(2 + t²).
        var c = Stats.Paired("rgb", "sum", [0.80, 0.82, 0.81], [0.70, 0.73, 0.71]);
        double mean = 0.29 / 3, sd = Math.Sqrt(((0.1 - mean) * (0.1 - mean) * 2 + (0.09 - mean) * (0.09 - mean)) / 2);
        double t = mean / (sd / Math.Sqrt(3));
        Assert.Equal(mean, c.MeanDifference, 12);
        Assert.Equal(1 - t / Math.Sqrt(2 + t * t), c.PValue, 9);
        Assert.True(c.Ci95Low > 0);
        Assert.Contains("rgb beats sum by 9.7 points", c.Verdict);
        Assert.Contains("a real difference", c.Verdict);
    }

    [Fact]
    public void Paired_difference_inside_the_noise_says_so()
    {
        var c = Stats.Paired("a", "b", [0.80, 0.70, 0.75], [0.78, 0.74, 0.74]);
        Assert.True(c.Ci95Low < 0 && c.Ci95High > 0);
        Assert.Contains("within seed noise", c.Verdict);
    }

    [Fact]
    public void One_seed_cannot_separate_signal_from_noise()
    {
        var c = Stats.Paired("a", "b", [0.9], [0.5]);
        Assert.True(double.IsNaN(c.PValue));
        Assert.Contains("single run cannot separate", c.Verdict);
    }
}
