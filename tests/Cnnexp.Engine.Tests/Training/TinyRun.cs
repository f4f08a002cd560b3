using Cnnexp.Engine.Training;
using Cnnexp.Results;
using Cnnexp.Spec;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Engine.Tests.Training;

/// <summary>Tiny deterministic experiments on the synthetic set (a few hundred images).</summary>
static class TinyRun
{
    public const string TwoModels = """
        name: tiny
        seeds: [0, 1]
        data: { dataset: synthetic, batch_size: 32, limit: 300 }
        train: { epochs: 3, optimizer: { type: adam, lr: 0.003 } }
        models:
          rgb:
            layers: [conv2d: { out: 4, kernel: 3, padding: 1 }, relu, maxpool2d: { kernel: 4 }, flatten, linear: { out: 10 }]
          sum:
            extends: rgb
            input: [channel_sum]
        """;

    public static ExperimentPlan Plan(string yaml)
    {
        var load = SpecLoader.LoadText(yaml, "tiny.yaml");
        Assert.True(load.Ok, load.FormatDiagnostics());
        var diagnostics = new DiagnosticBag();
        var plan = Planner.Plan(load.Spec!, diagnostics);
        Assert.False(diagnostics.HasErrors, DiagnosticFormatter.FormatAll(diagnostics.Items, load.Sources));
        return plan!;
    }

    public static string NewDir() => Scratch.NewDir();

    public static RunSummary Run(ExperimentPlan plan, string dir, TrainingCallbacks? callbacks = null, CancellationToken cancel = default) =>
        ExperimentRunner.Run(plan, new RunOptions { OutDir = dir, Threads = 1, Cores = TestThreads.Cores, Callbacks = callbacks ?? new() }, cancel);

    /// <summary>metrics.csv without the timing columns, which legitimately differ between runs.</summary>
    public static IReadOnlyList<string> Metrics(string dir) =>
        MetricsCsv.Read(Path.Combine(dir, RunFiles.Metrics))
            .Select(m => $"{m.Model} {m.Seed} {m.Epoch} {m.TrainLoss:R} {m.TrainAccuracy:R} {m.TestLoss:R} {m.TestAccuracy:R} {m.LearningRate:R}")
            .ToList();
}
