using System.Diagnostics;
using Cnnexp.Results;

namespace Cnnexp.Cli.Tests;

/// <summary>
/// A real one-node Slurm cluster on this machine (tests/slurm/cluster.sh; needs Debian's slurm-wlm
/// and munge, installed by .ci/run): submit a 2 models x 2 seeds study as a job array, kill one
/// array task on purpose, submit again, and check the merged report equals a local run unit for unit.
/// </summary>
public sealed class SlurmTests : IDisposable
{
    readonly string cluster = Cli.TempDir();

    public SlurmTests()
    {
        Assert.True(File.Exists("/usr/bin/sbatch"), "Slurm is not installed: apt-get install slurm-wlm munge (as .ci/run does)");
        Run("bash", [Repo.Path("tests", "slurm", "cluster.sh"), "start", cluster]);
        Environment.SetEnvironmentVariable("SLURM_CONF", Path.Combine(cluster, "slurm.conf"));
    }

    public void Dispose()
    {
        Run("bash", [Repo.Path("tests", "slurm", "cluster.sh"), "stop", cluster], check: false);
        Environment.SetEnvironmentVariable("SLURM_CONF", null);
    }

    [Fact]
    public async Task Job_array_with_a_killed_task_finishes_on_resubmit_and_matches_a_local_run()
    {
        string tmp = Cli.TempDir(), spec = Path.Combine(tmp, "sweep.yaml");
        File.WriteAllText(spec, """
            name: sweep
            seeds: [0, 1]
            data: { dataset: synthetic, batch_size: 32, limit: 600 }
            train: { epochs: 12 }
            models:
              rgb:
                layers: [conv2d: { out: 8, kernel: 3, padding: 1 }, relu, maxpool2d: { kernel: 2 }, flatten, linear: { out: 10 }]
              sum:
                extends: rgb
                input: [channel_sum]
            """);
        string local = Path.Combine(tmp, "local"), shared = Path.Combine(tmp, "shared");
        var localRun = await Cli.Run("run", spec, "--out", local, "--quiet", "--threads", "1");
        Assert.True(localRun.ExitCode == 0, localRun.Output);

        string cnnexp = $"dotnet {Path.Combine(AppContext.BaseDirectory, "Cnnexp.Cli.dll")}";
        var first = await Cli.Run("submit", spec, "--out", shared, "--slurm", "--cpus-per-task", "1", "--max-parallel", "1", "--cnnexp", cnnexp);
        Assert.True(first.ExitCode == 0, first.Output);
        string job = first.Output.Split('\n').First(l => l.StartsWith("submitted job array", StringComparison.Ordinal)).Split(' ')[3];

        string killed = KillTaskWhileItsUnitTrains(job, 1, shared);
        WaitUntilGone(job);
        var afterKill = Ledger.Read(shared);
        Assert.Contains(afterKill, e => e.Status != Results.UnitStatus.Done);                  // the killed unit is not finished
        Assert.Equal(3, afterKill.Count(e => e.Status == Results.UnitStatus.Done));

        var second = await Cli.Run("submit", spec, "--out", shared, "--slurm", "--cpus-per-task", "1", "--cnnexp", cnnexp);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("1 unit(s) to run", second.Output);                   // only the killed one goes again
        WaitUntilGone(second.Output.Split('\n').First(l => l.StartsWith("submitted job array", StringComparison.Ordinal)).Split(' ')[3]);

        var status = await Cli.Run("status", shared);
        Assert.Contains("4 units: 4 done", status.Output);
        var report = Experiment.Report(shared);
        Assert.Empty(report.Missing);
        Assert.Equal(Metrics(local), Metrics(shared));                         // unit for unit, epoch for epoch
        Assert.False(string.IsNullOrEmpty(killed));
    }

    /// <summary>
    /// Adaptive seeds on Slurm go one wave at a time: each array is followed by a job that decides and
    /// submits the next wave, or the report once the study has decided; the result equals a local run.
    /// </summary>
    [Fact]
    public async Task Adaptive_study_submits_wave_after_wave_and_matches_a_local_run()
    {
        string tmp = Cli.TempDir(), spec = Path.Combine(tmp, "adaptive.yaml");
        File.WriteAllText(spec, """
            name: adaptive
            seeds: { min: 3, max: 6, until: resolved }
            data: { dataset: synthetic, batch_size: 32, limit: 500 }
            train: { epochs: 2, optimizer: { type: adam, lr: 0.003 } }
            models:
              conv:
                layers: [conv2d: { out: 4, kernel: 3, padding: 1 }, relu, maxpool2d: { kernel: 4 }, flatten, linear: { out: 10 }]
              tiny:
                layers: [maxpool2d: { kernel: 32 }, flatten, linear: { out: 10 }]
            """);
        string local = Path.Combine(tmp, "local"), shared = Path.Combine(tmp, "shared");
        var localRun = await Cli.Run("run", spec, "--out", local, "--quiet", "--threads", "1", "--jobs", "1");
        Assert.True(localRun.ExitCode == 0, localRun.Output);

        string cnnexp = $"dotnet {Path.Combine(AppContext.BaseDirectory, "Cnnexp.Cli.dll")}";
        var first = await Cli.Run("submit", spec, "--out", shared, "--slurm", "--cpus-per-task", "1", "--report", "--cnnexp", cnnexp);
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("6 unit(s) to run", first.Output);                    // the first wave: 2 models x min 3 seeds
        Assert.Contains("it decides after this wave, then submits the next wave or the report", first.Output);

        var clock = Stopwatch.StartNew();
        while (!File.Exists(Path.Combine(shared, "report.html")))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(8), "the waves and the report did not finish in 8 minutes: " +
                string.Join("\n", Directory.GetFiles(Path.Combine(shared, "slurm", "logs")).Select(File.ReadAllText)));
            Thread.Sleep(1000);
        }
        var mine = RunFiles.ReadJson<RunSummary>(Path.Combine(local, RunFiles.Summary)).Adaptive!;
        var theirs = RunFiles.ReadJson<RunSummary>(Path.Combine(shared, RunFiles.Summary)).Adaptive!;
        Assert.Equal((mine.Seeds, mine.Reason), (theirs.Seeds, theirs.Reason));
        Assert.Equal(Metrics(local), Metrics(shared));
        Assert.True(Directory.GetFiles(Path.Combine(shared, "slurm"), "array-*.sbatch").Length >= 2, "one array per wave");
    }

    /// <summary>
    /// Cancels array task <paramref name="index"/> once its unit has finished an epoch but not the
    /// last (so the kill really interrupts training); returns the unit's id.
    /// </summary>
    static string KillTaskWhileItsUnitTrains(string job, int index, string runDir)
    {
        string list = Directory.GetFiles(Path.Combine(runDir, "slurm"), "units-*.txt").Single();
        string id = File.ReadAllLines(list)[index];
        var unit = Ledger.ReadUnits(runDir).Single(u => u.Id == id);
        var paths = UnitPaths.For(runDir, unit.Model, unit.Seed);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (paths.ReadState() is { Status: Results.UnitStatus.Running, EpochsDone: >= 1 and < 10 })
            {
                Run("scancel", [$"{job}_{index}"]);
                return id;
            }
            Thread.Sleep(50);
        }
        throw new TimeoutException($"unit {id} (array task {index}) was never seen between its first and last epoch");
    }

    static void WaitUntilGone(string job)
    {
        var clock = Stopwatch.StartNew();
        while (Run("squeue", ["-h", "-j", job, "-o", "%i"], check: false).Trim().Length > 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), $"job {job} did not finish in 5 minutes");
            Thread.Sleep(500);
        }
    }

    static List<string> Metrics(string dir) => MetricsCsv.Read(Path.Combine(dir, RunFiles.Metrics))
        .Select(m => $"{m.Model} {m.Seed} {m.Epoch} {m.TrainLoss:R} {m.TrainAccuracy:R} {m.TestLoss:R} {m.TestAccuracy:R}").ToList();

    static string Run(string file, string[] args, bool check = true)
    {
        var info = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(info)!;
        string output = p.StandardOutput.ReadToEnd(), error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (check) Assert.True(p.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {p.ExitCode}: {output}{error}");
        return output;
    }
}
