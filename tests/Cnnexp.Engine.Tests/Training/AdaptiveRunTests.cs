using Cnnexp.Engine.Training;
using Cnnexp.Results;
using Cnnexp.Results.Statistics;

namespace Cnnexp.Engine.Tests.Training;

/// <summary>
/// `seeds: { min, max, until: resolved }`: seeds are trained in waves until the comparisons are
/// answered, and an interrupted study resumes to exactly the decision an uninterrupted one reaches.
/// </summary>
[Collection("training")]
public class AdaptiveRunTests
{
    /// <summary>A conv net against a model that can barely learn: a real difference within a few seeds.</summary>
    const string Clear = """
        name: adaptive
        seeds: { min: 3, max: 8, until: resolved }
        data: { dataset: synthetic, batch_size: 32, limit: 500 }
        train: { epochs: 2, optimizer: { type: adam, lr: 0.003 } }
        models:
          conv:
            layers: [conv2d: { out: 4, kernel: 3, padding: 1 }, relu, maxpool2d: { kernel: 4 }, flatten, linear: { out: 10 }]
          tiny:
            layers: [maxpool2d: { kernel: 32 }, flatten, linear: { out: 10 }]
        """;

    [Fact]
    public void A_clear_difference_stops_early_with_a_real_verdict_and_trains_only_the_seeds_it_needed()
    {
        string dir = TinyRun.NewDir();
        try
        {
            var summary = TinyRun.Run(TinyRun.Plan(Clear), dir);
            var adaptive = summary.Adaptive!;
            Assert.Equal(StopReason.Resolved, adaptive.Reason);
            Assert.InRange(adaptive.Seeds, 4, 7);
            var comparison = Assert.Single(summary.Comparisons);
            Assert.Equal(Outcome.Real, comparison.Outcome);
            Assert.Equal("anytime", comparison.Method);
            Assert.Contains("conv beats tiny", comparison.Verdict);
            Assert.All(summary.Models, m => Assert.Equal(adaptive.Seeds, m.Seeds.Count));      // every model, the same seeds, no more
            Assert.Equal(2 * 8 - 2 * adaptive.Seeds, adaptive.UnitsSaved);
            Assert.False(Directory.Exists(UnitPaths.For(dir, "conv", adaptive.Seeds).Dir));
            Assert.Equal(adaptive.Seeds, adaptive.History.Single().Points.Count + 1);          // one point per seed from 2 on
            Assert.Contains("adaptive: stopped after", File.ReadAllText(Path.Combine(dir, RunFiles.Log)));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Identical_models_are_equivalent_within_the_margin()
    {
        string spec = Clear.Replace("until: resolved }", "until: resolved, margin: 1.0 }")
            .Replace("layers: [maxpool2d: { kernel: 32 }, flatten, linear: { out: 10 }]", "extends: conv");
        string dir = TinyRun.NewDir();
        try
        {
            var summary = TinyRun.Run(TinyRun.Plan(spec), dir);
            Assert.Equal(StopReason.Resolved, summary.Adaptive!.Reason);
            Assert.Equal(Outcome.Equivalent, Assert.Single(summary.Comparisons).Outcome);
            Assert.Contains("equivalent within ±1.0 points", summary.Comparisons[0].Verdict);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void An_interrupted_study_resumes_to_the_same_decision_and_metrics()
    {
        var plan = TinyRun.Plan(Clear);
        string whole = TinyRun.NewDir(), broken = TinyRun.NewDir();
        try
        {
            TinyRun.Run(plan, whole);
            using (var cancel = new CancellationTokenSource())
            {
                int epochs = 0;
                var stop = new TrainingCallbacks { Epoch = _ => { if (++epochs == 14) cancel.Cancel(); } };   // in the second wave
                Assert.ThrowsAny<OperationCanceledException>(() => TinyRun.Run(plan, broken, stop, cancel.Token));
            }
            var resumed = TinyRun.Run(plan, broken);
            Assert.Equal(TinyRun.Metrics(whole), TinyRun.Metrics(broken));
            var first = RunFiles.ReadJson<RunSummary>(Path.Combine(whole, RunFiles.Summary)).Adaptive!;
            Assert.Equal((first.Seeds, first.Reason, first.Explanation), (resumed.Adaptive!.Seeds, resumed.Adaptive.Reason, resumed.Adaptive.Explanation));
        }
        finally
        {
            foreach (var d in new[] { whole, broken }) if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
        }
    }
}
