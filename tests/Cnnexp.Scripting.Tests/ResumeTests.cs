using Cnnexp.Results;

namespace Cnnexp.Scripting.Tests;

/// <summary>An interrupted run with hooks resumes from its directory alone, and refuses hooks that changed meanwhile.</summary>
public class ResumeTests
{
    sealed class CancelAfter(CancellationTokenSource cts, string model, int epoch) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress p)
        {
            if (p.Kind == TrainingProgressKind.Epoch && p.Model == model && p.Epoch == epoch) cts.Cancel();
        }
    }

    [Fact]
    public async Task Resume_finds_the_hooks_through_the_run_directory_and_refuses_changed_ones()
    {
        using var ws = new Workspace()
            .Write("hooks/epochs.csx", "OnEpochEnd(e => e.Record(\"epoch_x2\", 2 * e.Epoch));\n")
            .Write("study.yaml", Workspace.TinySpec("resume", "hooks: [hooks/epochs.csx]"));
        using var cts = new CancellationTokenSource();
        var settings = new RunSettings { OutDir = ws.Path("run"), HookCache = Workspace.SharedCache };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Experiment.RunAsync(ws.Load("study.yaml").Spec!, settings, new CancelAfter(cts, "a", 2), cts.Token));
        Assert.Equal(2, UnitPaths.For(ws.Path("run"), "a", 0).ReadState()!.EpochsDone);

        Directory.CreateDirectory(ws.Path("elsewhere"));
        var (code, output) = await ws.Cli("run", "--resume", "run", "--quiet");        // spec: run/spec.resolved.yaml
        Assert.True(code == 0, output);
        var rows = MetricsCsv.Read(ws.Path("run", "metrics.csv"));
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal(2.0 * r.Epoch, r.Extra["epoch_x2"]));

        ws.Write("hooks/epochs.csx", "OnEpochEnd(e => e.Record(\"epoch_x2\", 3 * e.Epoch));\n");
        (code, output) = await ws.Cli("run", "--resume", "run", "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("holds a run of a different spec", output);
        Assert.Contains("- hooks/epochs.csx sha256", output);
        Assert.Contains("+ hooks/epochs.csx sha256", output);
    }
}
