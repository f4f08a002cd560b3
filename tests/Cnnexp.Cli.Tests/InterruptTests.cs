using System.Diagnostics;
using System.Runtime.InteropServices;
using Cnnexp.Results;

namespace Cnnexp.Cli.Tests;

/// <summary>Ctrl-C as a user presses it: a real process, a real SIGINT, then --resume.</summary>
public class InterruptTests
{
    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);

    [Fact]
    public async Task Ctrl_c_exits_130_keeps_finished_epochs_and_resume_completes_the_run()
    {
        string tmp = Cli.TempDir(), outDir = Path.Combine(tmp, "run"), spec = Path.Combine(tmp, "slow.yaml");
        File.WriteAllText(spec, """
            name: slow
            data: { dataset: synthetic, batch_size: 32, limit: 600 }
            train: { epochs: 100 }
            models:
              rgb:
                layers: [conv2d: { out: 8, kernel: 3, padding: 1 }, relu, flatten, linear: { out: 10 }]
            """);
        string cli = Path.Combine(AppContext.BaseDirectory, "Cnnexp.Cli.dll");
        // Through `env --default-signal=INT`: a test run started in the background (`cmd &`, nohup)
        // inherits SIGINT as ignored, and so would cnnexp, as any Unix program started that way.
        var info = new ProcessStartInfo("env", ["--default-signal=INT", "dotnet", cli, "run", spec, "--out", outDir, "--threads", "1"])
            { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(info)!;
        var output = new System.Text.StringBuilder();
        var errors = new System.Text.StringBuilder();
        p.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        // Signal once two epochs are saved, read from the unit's state rather than from stdout, which
        // can lag far behind on a busy machine (the run once finished all its epochs before the line
        // "epoch 2" reached the test). 100 epochs of 600 images leave ample time to land mid-run.
        var state = UnitPaths.For(outDir, "rgb", 0);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while ((ReadEpochs(state) ?? 0) < 2 && !p.HasExited && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.False(p.HasExited, "the run ended before it could be interrupted");
        Assert.Equal(0, kill(p.Id, 2));                                           // SIGINT, as Ctrl-C sends
        Assert.True(p.WaitForExit(60_000), "cnnexp did not stop after Ctrl-C");
        p.WaitForExit();                                                          // and its output is read to the end
        string printed, warned;
        lock (output) printed = output.ToString();
        lock (errors) warned = errors.ToString();
        Assert.True(p.ExitCode == 130, $"exit code {p.ExitCode}\n{printed}\n{warned}");
        Assert.Contains("cnnexp run --resume", warned);                          // the interruption is news, not a result: stderr
        int kept = UnitPaths.For(outDir, "rgb", 0).ReadState()!.EpochsDone;
        Assert.InRange(kept, 2, 99);

        var resumed = await Cli.Run("run", "--resume", outDir, "--quiet", "--threads", "1");
        Assert.True(resumed.ExitCode == 0, resumed.Output);
        var rows = MetricsCsv.Read(Path.Combine(outDir, RunFiles.Metrics));
        Assert.Equal(Enumerable.Range(1, 100), rows.Select(r => r.Epoch));      // every epoch once, none lost or repeated

        var export = await Cli.Run("export", outDir, "--format", "safetensors");
        Assert.True(export.ExitCode == 0, export.Output);
        Assert.True(File.Exists(Path.Combine(outDir, "export", "rgb-seed0.safetensors")));
    }

    /// <summary>Epochs saved so far; null before the first state file, or while it is being replaced.</summary>
    static int? ReadEpochs(UnitPaths unit)
    {
        try { return unit.ReadState()?.EpochsDone; }
        catch (IOException) { return null; }
        catch (System.Text.Json.JsonException) { return null; }
    }
}
