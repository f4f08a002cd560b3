using Cnnexp.Results;

namespace Cnnexp.Scripting.Tests;

/// <summary>A hook that throws during training fails its model/seed only; every finished result stays.</summary>
public class FailureTests
{
    [Fact]
    public async Task A_throwing_callback_fails_only_its_model_and_seed_and_keeps_every_finished_result()
    {
        using var ws = new Workspace()
            .Write("hooks/boom.csx", """
                OnEpochEnd(e =>
                {
                    if (e.Model == "b" && e.Epoch == 2) throw new InvalidOperationException("boom");
                });
                Figure("bad", f => throw new InvalidOperationException("cannot draw"));
                Figure("good", f =>
                {
                    using var font = f.Font(24);
                    using var ink = new SKPaint { Color = f.ColorOf("a") };
                    f.Canvas.DrawText($"{f.Run.Summary.Models.Count} models", 20, 40, font, ink);
                });
                """)
            .Write("study.yaml", Workspace.TinySpec("boom", "hooks: [hooks/boom.csx]"));

        var (code, output) = await ws.Cli("run", "study.yaml", "--out", "run");

        Assert.Equal(1, code);
        const string failure = "hook hooks/boom.csx failed at epoch end (model b, seed 0, epoch 2): InvalidOperationException: boom (at hooks/boom.csx:3)";
        Assert.Contains($"b seed 0: failed: {failure}", output);                     // the run log line
        var b = UnitPaths.For(ws.Path("run"), "b", 0).ReadState()!;
        Assert.Equal((Results.UnitStatus.Failed, 1, failure), (b.Status, b.EpochsDone, b.Message));
        Assert.Equal(Results.UnitStatus.Done, UnitPaths.For(ws.Path("run"), "a", 0).ReadState()!.Status);
        var rows = MetricsCsv.Read(ws.Path("run", "metrics.csv")).Select(m => $"{m.Model}{m.Epoch}");
        Assert.Equal(["a1", "a2", "a3", "b1"], rows);                                  // b's finished epoch is kept
        var summary = RunFiles.ReadJson<RunSummary>(ws.Path("run", "summary.json"));
        Assert.Single(summary.Models.Single(m => m.Name == "a").Seeds);
        Assert.Empty(summary.Models.Single(m => m.Name == "b").Seeds);
        Assert.Contains("failed: hook hooks/boom.csx failed drawing figure `bad`: InvalidOperationException: cannot draw (at hooks/boom.csx:5)", output);
        Assert.True(File.Exists(ws.Path("run", "figures", "good.png")), "a failing figure must not stop the others");
        Assert.True(File.Exists(ws.Path("run", "figures", "loss.png")));
        Assert.False(File.Exists(ws.Path("run", "figures", "bad.png")));
    }
}
