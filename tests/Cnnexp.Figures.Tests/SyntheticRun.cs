using Cnnexp.Results;
using Cnnexp.Spec.Datasets;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Figures.Tests;

/// <summary>
/// A complete run directory written from made-up but consistent records (no training): the
/// quickstart's two models, three seeds, six epochs, per-class accuracy, confusion matrices,
/// statistics, comparisons and artefacts. Figures and the report must draw from it alone.
/// </summary>
static class SyntheticRun
{
    public const int Seeds = 3, Epochs = 6, TestImages = 2000;
    static readonly string[] Models = ["standard", "sumfirst"];

    public static string Write(string? dir = null)
    {
        dir ??= Path.Combine(Scratch.NewDir(), "run");
        Directory.CreateDirectory(dir);
        var load = Experiment.Load(Repo.Path("experiments", "quickstart.yaml"));
        var plan = Experiment.Plan(load.Spec! with { Seeds = [0, 1, 2] }).Plan!;
        File.WriteAllText(Path.Combine(dir, RunFiles.ResolvedSpec), SpecWriter.Write(plan.Spec));
        foreach (var m in Metrics()) MetricsCsv.Append(Path.Combine(dir, RunFiles.Metrics), m);
        var checks = SyntheticArtefacts.Write(dir, plan);
        RunFiles.WriteJson(Path.Combine(dir, RunFiles.Summary), Summary(plan, checks));
        return dir;
    }

    /// <summary>Final accuracy of class c: the standard model gets most right; sum-first confuses each colour pair.</summary>
    static double ClassAccuracy(int model, int seed, int c) =>
        model == 0 ? 0.86 + 0.01 * (c % 4) + 0.01 * seed : 0.47 + 0.015 * (c % 3) + 0.004 * seed;

    static IEnumerable<EpochMetrics> Metrics()
    {
        for (int m = 0; m < Models.Length; m++)
            for (int s = 0; s < Seeds; s++)
                for (int e = 1; e <= Epochs; e++)
                {
                    double final = Enumerable.Range(0, 10).Average(c => ClassAccuracy(m, s, c));
                    double progress = 1 - Math.Exp(-0.7 * e);
                    double acc = 0.1 + (final - 0.1) * progress, wiggle = 0.01 * ((s + e) % 3 - 1);
                    yield return new EpochMetrics
                    {
                        Model = Models[m], Seed = s, Epoch = e,
                        TrainLoss = 2.3 * Math.Exp(-0.45 * e * (m == 0 ? 1 : 0.6)) + 0.05 + wiggle, TrainAccuracy = acc + 0.03 + wiggle,
                        TestLoss = 2.3 * Math.Exp(-0.4 * e * (m == 0 ? 1 : 0.6)) + 0.12 - wiggle, TestAccuracy = acc - wiggle,
                        LearningRate = 0.001, Seconds = 1.5, ImagesPerSecond = 1300,
                    };
                }
    }

    static RunSummary Summary(Cnnexp.Spec.Planning.ExperimentPlan plan, IReadOnlyDictionary<string, double> checks)
    {
        var models = plan.Models.Select((p, m) =>
        {
            var seeds = Enumerable.Range(0, Seeds).Select(s => Seed(m, s)).ToList();
            return new ModelSummary { Name = p.Name, Parameters = p.Parameters, Macs = p.Macs, Seeds = seeds, TestAccuracy = Describe(seeds.Select(x => x.FinalTestAccuracy).ToList()) };
        }).ToList();
        var a = models[0].Seeds.Select(s => s.FinalTestAccuracy).ToList();
        var b = models[1].Seeds.Select(s => s.FinalTestAccuracy).ToList();
        var d = Describe(a.Zip(b, (x, y) => x - y).ToList());
        return new RunSummary
        {
            Name = plan.Spec.Name, Description = plan.Spec.Description, Dataset = "synthetic",
            Classes = DatasetCatalog.Synthetic.Classes, Seeds = [0, 1, 2], Models = models, Seconds = 42, Checks = checks,
            // As if the seeds had been adaptive (the sequential figure draws from this record alone).
            Adaptive = new AdaptiveSummary
            {
                Rule = "{ min: 3, max: 10, until: resolved }", Min = 3, Max = 10, Alpha = 0.05, Race = false, Seeds = Seeds,
                Reason = Cnnexp.Results.Statistics.StopReason.Resolved, UnitsSaved = 14,
                Explanation = "stopped after 3 seeds: every comparison is resolved (14 of 20 units saved against max: 10)",
                History = [new ComparisonHistory("standard", "sumfirst", [new HistoryPoint(2, d.Mean, null, null), new HistoryPoint(3, d.Mean, d.Ci95Low, d.Ci95High)])],
            },
            Comparisons =
            [
                new PairedComparison
                {
                    A = "standard", B = "sumfirst", N = Seeds, MeanDifference = d.Mean, Ci95Low = d.Ci95Low, Ci95High = d.Ci95High, PValue = 0.0004,
                    Verdict = $"standard beats sumfirst by {100 * d.Mean:0.0} points (95% CI [{100 * d.Ci95Low:0.0}, {100 * d.Ci95High:0.0}] points, p = 0.0004, 3 seeds): a real difference, not seed noise.",
                },
            ],
        };
    }

    static SeedResult Seed(int model, int seed)
    {
        const int perClass = TestImages / 10;
        var perClassAccuracy = Enumerable.Range(0, 10).Select(c => Math.Round(perClass * ClassAccuracy(model, seed, c)) / perClass).ToList();
        var confusion = Enumerable.Range(0, 10).Select(t =>
        {
            var row = new int[10];
            int right = (int)Math.Round(perClass * perClassAccuracy[t]);
            row[t] = right;
            int partner = model == 1 ? (t + 5) % 10 : (t + 1) % 10;        // sum-first mixes up the colour pairs
            row[partner] = (perClass - right) * 3 / 4;
            row[(t + 2) % 10] = perClass - right - row[partner];
            return (IReadOnlyList<int>)row;
        }).ToList();
        return new SeedResult
        {
            Seed = seed, Epochs = Epochs, FinalTrainLoss = model == 0 ? 0.12 : 0.8, FinalTestLoss = model == 0 ? 0.3 : 0.85,
            FinalTestAccuracy = perClassAccuracy.Average(), PerClassAccuracy = perClassAccuracy, Confusion = confusion,
        };
    }

    /// <summary>Mean, SD and 95% t interval for 3 values (t(0.975, 2) = 4.3027).</summary>
    static SampleStats Describe(IReadOnlyList<double> v)
    {
        double mean = v.Average(), sd = Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Count - 1));
        double half = 4.302652729911275 * sd / Math.Sqrt(v.Count);
        return new SampleStats(v.Count, mean, sd, mean - half, mean + half);
    }
}
