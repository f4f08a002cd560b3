using Cnnexp.Engine.Training;
using Cnnexp.Results;

namespace Cnnexp.Engine.Tests.Training;

/// <summary>
/// `--jobs N` trains units side by side in one process. A unit's metrics depend only on the spec, its
/// seed and its thread count, so two at a time give exactly what one at a time gives.
/// </summary>
[Collection("training")]
public class JobsTests
{
    /// <summary>Two models x two seeds, with dropout (the unit's own generator) and augmentation.</summary>
    const string Spec = """
        name: jobs
        seeds: [0, 1]
        data: { dataset: synthetic, batch_size: 32, limit: 300, augment: [random_crop: { padding: 2 }, horizontal_flip] }
        train: { epochs: 2, optimizer: { type: adam, lr: 0.003 } }
        models:
          rgb:
            layers: [conv2d: { out: 4, kernel: 3, padding: 1 }, relu, dropout2d: 0.2, maxpool2d: { kernel: 4 }, flatten, dropout: 0.3, linear: { out: 10 }]
          sum:
            extends: rgb
            input: [channel_sum]
        """;

    [Fact]
    public void Two_jobs_give_bit_identical_metrics_to_one_job()
    {
        var plan = TinyRun.Plan(Spec);
        string one = TinyRun.NewDir(), two = TinyRun.NewDir();
        try
        {
            ExperimentRunner.Run(plan, new RunOptions { OutDir = one, Threads = 1, Jobs = 1, Cores = 2 });
            var concurrent = 0;
            var running = 0;
            int trims = Native.MallocTuning.Trims;
            ExperimentRunner.Run(plan, new RunOptions
            {
                OutDir = two, Threads = 1, Jobs = 2, Cores = 2,
                Callbacks = new TrainingCallbacks
                {
                    Batch = b =>
                    {
                        int now = Interlocked.Increment(ref running);      // callbacks are serialised: never two at once
                        concurrent = Math.Max(concurrent, now);
                        Interlocked.Decrement(ref running);
                    },
                },
            });
            Assert.True(File.Exists(Path.Combine(two, RunFiles.Metrics)), File.ReadAllText(Path.Combine(two, RunFiles.Log)));
            Assert.Equal(1, concurrent);
            if (Native.MallocTuning.State.StartsWith("tuned", StringComparison.Ordinal))   // each unit's freed buffers go back (else a study creeps: docs/benchmarks.md)
                Assert.True(Native.MallocTuning.Trims - trims >= 4, $"{Native.MallocTuning.Trims - trims} trims for 4 units");
            Assert.True(TinyRun.Metrics(one).Count == 8, File.ReadAllText(Path.Combine(one, RunFiles.Log)));
            Assert.Equal(TinyRun.Metrics(one), TinyRun.Metrics(two));
            Assert.Equal(8, TinyRun.Metrics(two).Count);
            var manifest = RunFiles.ReadJson<Manifest>(Path.Combine(two, RunFiles.Manifest));
            Assert.Equal((2, 1), (manifest.Jobs, manifest.Threads));
            string log = File.ReadAllText(Path.Combine(two, RunFiles.Log));
            Assert.Contains("2 unit(s) at a time with 1 thread(s) each", log);
        }
        finally
        {
            foreach (var d in new[] { one, two }) if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
        }
    }

    [Fact]
    public void Units_really_overlap_in_time()
    {
        var plan = TinyRun.Plan(Spec);
        string dir = TinyRun.NewDir();
        try
        {
            var firstEpochEnd = new System.Collections.Concurrent.ConcurrentDictionary<(string, int), DateTime>();
            var started = new System.Collections.Concurrent.ConcurrentDictionary<(string, int), DateTime>();
            ExperimentRunner.Run(plan, new RunOptions
            {
                OutDir = dir, Threads = 1, Jobs = 2, Cores = 2,
                Callbacks = new TrainingCallbacks
                {
                    Batch = b => started.TryAdd((b.Model, b.Seed), DateTime.UtcNow),
                    Epoch = m => firstEpochEnd.TryAdd((m.Model, m.Seed), DateTime.UtcNow),
                },
            });
            // The second unit starts before the first has finished its first epoch.
            Assert.True(started[("rgb", 1)] < firstEpochEnd[("rgb", 0)], "units ran one after the other");
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Interrupted_side_by_side_a_run_resumes_to_the_metrics_of_one_uninterrupted_run_with_the_threads_its_units_started_with()
    {
        var plan = TinyRun.Plan(Spec);
        string one = TinyRun.NewDir(), two = TinyRun.NewDir(), three = TinyRun.NewDir();
        try
        {
            ExperimentRunner.Run(plan, new RunOptions { OutDir = one, Threads = 1, Jobs = 1, Cores = 2 });
            foreach (var dir in new[] { two, three })
            {
                using var cts = new CancellationTokenSource();              // Ctrl-C while two units train
                var stop = new TrainingCallbacks { Batch = b => { if (b.Model == "sum" && b.Seed == 0 && b.Epoch == 2 && b.Batch == 3) cts.Cancel(); } };
                Assert.ThrowsAny<OperationCanceledException>(() =>
                    ExperimentRunner.Run(plan, new RunOptions { OutDir = dir, Threads = 1, Jobs = 2, Cores = 2, Callbacks = stop }, cts.Token));
                Assert.Equal((1, 1), (UnitPaths.For(dir, "sum", 0).ReadState()!.EpochsDone, UnitPaths.For(dir, "sum", 0).ReadState()!.Threads));
            }

            // Resumed one at a time with no thread count given: alone, a unit would get both cores; it keeps its 1.
            ExperimentRunner.Run(plan, new RunOptions { OutDir = two, Jobs = 1, Cores = 2 });
            string log = File.ReadAllText(Path.Combine(two, RunFiles.Log));
            Assert.Contains("1 unit(s) at a time with 1 thread(s) each (the threads the unfinished units started with)", log);
            Assert.Equal(TinyRun.Metrics(one), TinyRun.Metrics(two));
            Assert.Equal(1, UnitPaths.For(two, "sum", 0).ReadState()!.Threads);
            Assert.DoesNotContain("warning", log);

            // A unit whose record says it started with 3 threads, resumed with 1: the run log says its metrics will differ.
            var sum0 = UnitPaths.For(three, "sum", 0);
            sum0.WriteState(sum0.ReadState()! with { Threads = 3 });
            ExperimentRunner.Run(plan, new RunOptions { OutDir = three, Threads = 1, Jobs = 1, Cores = 2 });
            Assert.Contains("sum seed 0: warning: it started with 3 thread(s) and goes on after epoch 1 with 1",
                File.ReadAllText(Path.Combine(three, RunFiles.Log)));
            Assert.Equal(3, sum0.ReadState()!.Threads);                           // what it started with stays recorded
        }
        finally
        {
            foreach (var d in new[] { one, two, three }) if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
        }
    }

    [Theory]
    [InlineData(0, null, "--jobs must be `auto` or a whole number from 1 to 2")]
    [InlineData(2, 2, "--jobs 2 x --threads 2 = 4 threads, more than this machine's 2 cores")]
    [InlineData(null, 3, "--threads 3 is more than this machine's 2 cores")]
    [InlineData(null, 0, "--threads must be a whole number from 1 to 2")]
    public void A_thread_budget_beyond_the_machine_is_refused_naming_the_options(int? jobs, int? threads, string error)
    {
        var (budget, message) = ThreadBudget.Resolve(jobs, threads, cores: 2, units: 4, cuda: false);
        Assert.Null(budget);
        Assert.StartsWith(error, message);
    }

    [Theory]
    [InlineData(null, null, 4, 2, 1)]       // auto: a unit per core, one thread each
    [InlineData(null, null, 1, 1, 2)]       // one unit: every core to it
    [InlineData(null, 2, 4, 1, 2)]          // threads given: jobs fill the rest
    [InlineData(1, null, 4, 1, 2)]          // jobs given: threads fill the rest
    public void The_automatic_budget_spends_cores_on_units_first(int? jobs, int? threads, int units, int expectJobs, int expectThreads)
    {
        var (budget, _) = ThreadBudget.Resolve(jobs, threads, cores: 2, units: units, cuda: false);
        Assert.Equal(new ThreadBudget(expectJobs, expectThreads), budget);
    }
}
