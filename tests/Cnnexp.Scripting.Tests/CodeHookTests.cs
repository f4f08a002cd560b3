using Cnnexp.Hooks;
using Cnnexp.Results;

namespace Cnnexp.Scripting.Tests;

/// <summary>Hooks written in code (as an F# script would) go through the same seam as .csx files, with no compiler.</summary>
public class CodeHookTests
{
    sealed class Reports : IProgress<TrainingProgress>
    {
        public List<TrainingProgress> All { get; } = [];
        public void Report(TrainingProgress value) => All.Add(value);
    }

    [Fact]
    public async Task Callbacks_stop_records_metric_run_end_and_progress()
    {
        var hooks = new HookSet("in-code");
        var ends = new List<FinishedRun>();
        hooks.OnEpochEnd(e =>
        {
            e.Record("lr_x10", e.Metrics.LearningRate * 10);
            if (e.Model == "b" && e.Epoch == 2) e.Stop("good enough");
        });
        hooks.OnBatchEnd(b => b.Record("batch_loss", b.Loss));
        hooks.Metric("top3", (logits, labels) => logits.topk(3).indexes.eq(labels.unsqueeze(1)).any(1).to_type(TorchSharp.torch.ScalarType.Float32).mean().item<float>());
        hooks.OnRunEnd(r => ends.Add(r.Run));
        var spec = Experiment.Parse(Workspace.TinySpec("code")).Spec!;
        var reports = new Reports();
        using var ws = new Workspace();
        string dir = ws.Path("run");

        var run = await Experiment.RunAsync(spec, new RunSettings { OutDir = dir, Hooks = [hooks] }, reports);

        Assert.True(run.Ok, string.Join("\n", run.Failures));
        var b = UnitPaths.For(dir, "b", 0).ReadState()!;
        Assert.Equal((Results.UnitStatus.Stopped, 2, "stopped by in-code: good enough"), (b.Status, b.EpochsDone, b.Message));
        Assert.Equal(5, run.Metrics.Count);                                               // a: 3 epochs, b: 2
        foreach (var m in run.Metrics)
        {
            Assert.Equal(m.LearningRate * 10, m.Extra["lr_x10"], 12);
            Assert.Equal(m.TrainLoss, m.Extra["batch_loss"], 5);                          // 4 equal batches: their mean is the epoch's loss
            Assert.InRange(m.Extra["test_top3"], m.TestAccuracy, 1.0);                     // top-3 is never below top-1
        }
        var end = Assert.Single(ends);
        Assert.Equal(["a", "b"], end.Summary.Models.Select(m => m.Name));
        Assert.Equal(5, end.Metrics.Count);
        Assert.Contains(Path.Combine(dir, "figures", "metric_top3.png"), run.Figures);
        Assert.Equal(5, reports.All.Count(r => r.Kind == TrainingProgressKind.Epoch));
        Assert.Equal(5 * 4, reports.All.Count(r => r.Kind == TrainingProgressKind.Batch));
        Assert.Contains(reports.All, r => r.Kind == TrainingProgressKind.Message && r.Message!.StartsWith("starting code", StringComparison.Ordinal));
    }
}
