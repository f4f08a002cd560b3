using System.Globalization;
using Cnnexp.Engine.Training;
using Cnnexp.Results;
using Cnnexp.Spec;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Engine.Tests.Training;

/// <summary>
/// The notebook's study (experiments/sumfirst.yaml) trained for 2 epochs on 600 built-in synthetic
/// images, seed 0, channels-last (the CPU default; NCHW differs by rounding, at most 1.6e-5 in a loss
/// here, and the parity test covers both layouts): its per-epoch losses and accuracies are pinned in
/// Golden/sumfirst-2-epochs.csv. Any change to initialisation, data order, the loss, the optimiser or a
/// layer moves them far beyond the tolerance, so a change of results is a deliberate, reviewed update:
///
///     CNNEXP_UPDATE_GOLDEN=1 dotnet test tests/Cnnexp.Engine.Tests --filter GoldenMetrics
///
/// rewrites the file; say in the commit why the numbers moved (docs/parity.md).
/// </summary>
[Collection("training")]
public class GoldenMetricsTests
{
    /// <summary>
    /// Losses: relative. Rounding differs between CPUs (oneDNN picks kernels by instruction set) and
    /// training amplifies it; the two layouts, which differ only in rounding, end 8e-6 apart.
    /// </summary>
    public const double LossTolerance = 5e-4;

    /// <summary>Accuracies: absolute, 3 of the 600 test images.</summary>
    public const double AccuracyTolerance = 0.005;

    static readonly string[] Overrides = ["data.dataset=synthetic", "data.limit=600", "train.epochs=2", "seeds=[0]"];

    [Fact]
    public void Notebook_study_gives_the_golden_two_epoch_metrics()
    {
        var plan = Plan();
        var rows = new List<string> { "layout,model,seed,epoch,train_loss,train_accuracy,test_loss,test_accuracy" };
        foreach (bool channelsLast in new[] { true })
        {
            string dir = TinyRun.NewDir();
            try
            {
                ExperimentRunner.Run(plan, new RunOptions { OutDir = dir, Threads = 1, ChannelsLast = channelsLast });
                rows.AddRange(MetricsCsv.Read(Path.Combine(dir, RunFiles.Metrics)).Select(m => string.Join(",",
                    channelsLast ? Modules.ChannelsLast.Token : Modules.ChannelsLast.NchwToken, m.Model, m.Seed, m.Epoch,
                    F(m.TrainLoss), F(m.TrainAccuracy), F(m.TestLoss), F(m.TestAccuracy))));
            }
            finally { Directory.Delete(dir, recursive: true); }
        }
        string golden = ShippedExperimentTests.RepoPath("tests", "Cnnexp.Engine.Tests", "Golden", "sumfirst-2-epochs.csv");
        if (Environment.GetEnvironmentVariable("CNNEXP_UPDATE_GOLDEN") == "1") File.WriteAllLines(golden, rows);
        Assert.True(File.Exists(golden), $"{golden} is missing; write it with CNNEXP_UPDATE_GOLDEN=1 dotnet test tests/Cnnexp.Engine.Tests --filter GoldenMetrics");
        var expected = File.ReadAllLines(golden);
        Assert.Equal(expected[0], rows[0]);
        Assert.Equal(expected.Length, rows.Count);
        var problems = expected.Zip(rows).Skip(1).SelectMany(p => Differences(p.First, p.Second)).ToList();
        Assert.True(problems.Count == 0,
            $"results moved away from {golden} (losses ±{LossTolerance:P2}, accuracies ±{AccuracyTolerance}):\n{string.Join("\n", problems)}\n" +
            "if the change is deliberate, rewrite it with CNNEXP_UPDATE_GOLDEN=1 dotnet test tests/Cnnexp.Engine.Tests --filter GoldenMetrics and say why in the commit");
    }

    static ExperimentPlan Plan()
    {
        var load = SpecLoader.LoadFile(ShippedExperimentTests.RepoPath("experiments", "sumfirst.yaml"), Overrides);
        Assert.True(load.Ok, load.FormatDiagnostics());
        var diagnostics = new DiagnosticBag();
        var plan = Planner.Plan(load.Spec!, diagnostics);
        Assert.True(plan is not null, DiagnosticFormatter.FormatAll(diagnostics.Items, load.Sources));
        return plan!;
    }

    static string F(double v) => v.ToString("F6", CultureInfo.InvariantCulture);

    /// <summary>One line per value outside its tolerance, naming the row and column.</summary>
    static IEnumerable<string> Differences(string expected, string actual)
    {
        string[] e = expected.Split(','), a = actual.Split(',');
        string row = string.Join(" ", e.Take(4));
        if (!e.Take(4).SequenceEqual(a.Take(4))) { yield return $"row `{row}` is now `{string.Join(" ", a.Take(4))}`"; yield break; }
        string[] columns = ["train_loss", "train_accuracy", "test_loss", "test_accuracy"];
        for (int i = 0; i < 4; i++)
        {
            double want = double.Parse(e[4 + i], CultureInfo.InvariantCulture), got = double.Parse(a[4 + i], CultureInfo.InvariantCulture);
            bool loss = columns[i].EndsWith("loss", StringComparison.Ordinal);
            bool ok = loss ? Math.Abs(got - want) <= LossTolerance * Math.Abs(want) : Math.Abs(got - want) <= AccuracyTolerance + 1e-9;
            if (!ok) yield return $"{row} {columns[i]}: golden {want}, now {got}";
        }
    }
}
