using Cnnexp.Results.Statistics;

namespace Cnnexp.Results.Tests;

/// <summary>
/// The adaptive rule's error rates, proved by simulation rather than by argument: with no true
/// difference it declares one in at most α of studies however many seeds it looks at, while
/// "peek at the t-test after every seed" does not.
/// </summary>
public class AdaptiveStatisticsTests
{
    const double Alpha = 0.05;
    static readonly AdaptivePolicy TwoModels = new() { Min = 3, Max = 20, Alpha = Alpha };

    /// <summary>Simulated studies of two models whose per-seed differences are <paramref name="draw"/>.</summary>
    static IEnumerable<double[]> Studies(int count, int seeds, Func<Random, double> draw, int seed = 1)
    {
        var rng = new Random(seed);
        for (int i = 0; i < count; i++) yield return Enumerable.Range(0, seeds).Select(_ => draw(rng)).ToArray();
    }

    static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
    static double StudentT3(Random r)                                          // t with 3 df, scaled to SD 1
    {
        double chi = Enumerable.Range(0, 3).Sum(_ => Math.Pow(Normal(r), 2));
        return Normal(r) / Math.Sqrt(chi / 3) / Math.Sqrt(3);
    }

    /// <summary>The product's rule on one simulated study: model a's accuracy is the difference, b's is 0.</summary>
    static AdaptiveDecision Decide(double[] differences, AdaptivePolicy policy) =>
        AdaptiveStudy.Decide(policy, ["a", "b"], (m, s) => s < differences.Length ? (m == "a" ? differences[s] : 0) : null, (_, _) => false);

    [Theory]
    [InlineData("normal")]
    [InlineData("t3")]
    public void With_no_true_difference_the_adaptive_rule_is_wrong_at_most_alpha_of_the_time(string tails)
    {
        const int count = 20_000;
        Func<Random, double> draw = tails == "normal" ? Normal : StudentT3;
        int wrong = Studies(count, 20, draw).Count(d => Decide(d, TwoModels).Comparisons[0].Outcome == Outcome.Real);
        double rate = (double)wrong / count, se = Math.Sqrt(Alpha * (1 - Alpha) / count);
        Assert.True(rate <= Alpha + 3 * se, $"false-positive rate {rate:P2} over {count} null studies ({tails}), alpha {Alpha:P0}");
    }

    [Fact]
    public void Peeking_at_the_fixed_t_test_after_every_seed_is_wrong_far_more_often()
    {
        const int count = 20_000;
        var critical = Enumerable.Range(0, 21).Select(n => n < 2 ? double.NaN : StudentT.Quantile(1 - Alpha / 2, n - 1)).ToArray();
        bool Rejects(double[] d, int n)                                         // the fixed-n paired t-test on the first n seeds
        {
            double mean = d[..n].Average(), sd = Math.Sqrt(d[..n].Sum(x => (x - mean) * (x - mean)) / (n - 1));
            return Math.Abs(mean) / (sd / Math.Sqrt(n)) > critical[n];
        }
        int wrong = Studies(count, 20, Normal).Count(d => Enumerable.Range(3, 18).Any(n => Rejects(d, n)));
        double rate = (double)wrong / count;
        Assert.True(rate > 2 * Alpha, $"peeking's false-positive rate {rate:P2}");      // about 22% with 18 looks
    }

    [Fact]
    public void The_confidence_sequence_is_the_set_where_the_e_value_stays_below_one_over_alpha()
    {
        double[] x = [0.031, 0.042, 0.018, 0.027, 0.039, 0.035];
        var (low, high) = AnytimeT.Interval(x, Alpha);
        double Shifted(double m) => AnytimeT.EValue(x, m);
        Assert.Equal(1 / Alpha, Shifted(low), 6);                                  // the ends are where M_n(m) = 1/α
        Assert.Equal(1 / Alpha, Shifted(high), 6);
        Assert.True(Shifted((low + high) / 2) < 1 / Alpha);
        Assert.True(Shifted(low - 1e-3) > 1 / Alpha && Shifted(high + 1e-3) > 1 / Alpha);
        Assert.Equal(double.PositiveInfinity, AnytimeT.HalfWidth(3, 1.0, Alpha));  // three seeds can never resolve at 5%
    }

    [Fact]
    public void A_large_real_difference_is_resolved_in_few_seeds_and_a_null_one_runs_to_max()
    {
        // The sum-first question on real CIFAR-10: +3.47 points, paired SD 1.3 points.
        var sumfirst = Studies(2_000, 20, r => 3.47 + 1.3 * Normal(r)).Select(d => Decide(d, TwoModels)).ToList();
        Assert.All(sumfirst, d => Assert.Equal(Outcome.Real, d.Comparisons[0].Outcome));
        double mean = sumfirst.Average(d => d.Seeds);
        Assert.InRange(mean, 4, 6.5);
        var nothing = Decide(Studies(1, 20, r => 0.001 * Normal(r)).First(), TwoModels);
        Assert.Equal(StopReason.MaxSeeds, nothing.Reason);
        Assert.Equal(20, nothing.Seeds);
    }

    [Fact]
    public void A_margin_makes_equivalence_an_outcome()
    {
        var policy = TwoModels with { Margin = 1.0, Max = 40 };
        var decision = Decide(Studies(1, 40, r => 0.2 * Normal(r)).First(), policy);
        Assert.Equal(StopReason.Resolved, decision.Reason);
        Assert.Equal(Outcome.Equivalent, decision.Comparisons[0].Outcome);
        Assert.InRange(decision.Comparisons[0].Low, -1, 0);
    }

    [Fact]
    public void The_next_wave_asks_for_one_more_seed_of_every_model_still_racing()
    {
        var results = new Dictionary<(string, int), double> { [("a", 0)] = 0.6, [("b", 0)] = 0.5, [("a", 1)] = 0.61, [("b", 1)] = 0.52 };
        var decision = AdaptiveStudy.Decide(TwoModels, ["a", "b"], (m, s) => results.TryGetValue((m, s), out var v) ? v : null, (_, _) => false);
        Assert.False(decision.Stop);
        Assert.Equal([("a", 2), ("b", 2)], decision.Next);
    }

    [Fact]
    public void Racing_drops_a_clearly_worse_model_and_keeps_the_close_ones()
    {
        var rng = new Random(5);
        double[] offset = [0.60, 0.6005, 0.50];                                 // c is 10 points worse
        var acc = Enumerable.Range(0, 3).Select(m => Enumerable.Range(0, 30).Select(_ => offset[m] + 0.01 * Normal(rng)).ToArray()).ToArray();
        string[] models = ["a", "b", "c"];
        var policy = new AdaptivePolicy { Min = 3, Max = 30, Alpha = Alpha, Race = true };
        var decision = AdaptiveStudy.Decide(policy, models, (m, s) => acc[Array.IndexOf(models, m)][s], (_, _) => false);
        var dropped = Assert.Single(decision.Dropped);
        Assert.Equal("c", dropped.Model);
        Assert.True(dropped.Seeds <= 6, $"dropped after {dropped.Seeds} seeds");
        Assert.Equal(StopReason.MaxSeeds, decision.Reason);                      // a and b stay within noise
    }

    [Fact]
    public void With_no_true_differences_racing_rarely_drops_any_model()
    {
        const int count = 4_000;
        var policy = new AdaptivePolicy { Min = 3, Max = 15, Alpha = Alpha, Race = true };
        string[] models = ["a", "b", "c", "d"];
        var rng = new Random(9);
        int any = 0;
        for (int i = 0; i < count; i++)
        {
            var acc = models.Select(_ => Enumerable.Range(0, 15).Select(_ => Normal(rng)).ToArray()).ToArray();
            if (AdaptiveStudy.Decide(policy, models, (m, s) => acc[Array.IndexOf(models, m)][s], (_, _) => false).Dropped.Count > 0) any++;
        }
        double rate = (double)any / count;
        Assert.True(rate <= Alpha + 3 * Math.Sqrt(Alpha * (1 - Alpha) / count), $"some model dropped in {rate:P2} of null studies");
    }

    [Fact]
    public void Power_says_how_many_seeds_a_question_needs()
    {
        var one = Power.Needed(effect: 1, sd: 1);
        Assert.InRange(one.Fixed!.Value, 9, 12);                                  // textbook: n = 10 for d = 1 at 80%, paired t
        Assert.True(one.Adaptive > one.Fixed, "anytime validity costs seeds at a planned n");
        Assert.Equal(Power.Needed(2, 2), one);                                    // only effect / sd matters
        Assert.Contains("to detect 1 point with 80% power: about", Power.Sentence(1, 1));
    }
}
