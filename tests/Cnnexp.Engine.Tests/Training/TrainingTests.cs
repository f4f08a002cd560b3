using Cnnexp.Engine.Training;
using Cnnexp.Results;
using TorchSharp;

namespace Cnnexp.Engine.Tests.Training;

[Collection("training")]
public class TrainingTests
{
    [Fact]
    public void Same_seed_gives_identical_metrics_and_loss_falls()
    {
        var plan = TinyRun.Plan(TinyRun.TwoModels);
        string a = TinyRun.NewDir(), b = TinyRun.NewDir();
        TinyRun.Run(plan, a);
        TinyRun.Run(plan, b);
        Assert.Equal(TinyRun.Metrics(a), TinyRun.Metrics(b));
        var rows = MetricsCsv.Read(Path.Combine(a, RunFiles.Metrics));
        Assert.Equal(2 * 2 * 3, rows.Count);
        foreach (var unit in rows.GroupBy(r => (r.Model, r.Seed)))
            Assert.True(unit.Last().TrainLoss < unit.First().TrainLoss, $"{unit.Key}: loss did not fall");
        // Different seeds must really differ.
        Assert.NotEqual(rows.First(r => r.Seed == 0).TrainLoss, rows.First(r => r.Seed == 1).TrainLoss);
    }

    [Fact]
    public void Resume_after_an_interruption_gives_the_same_final_metrics()
    {
        var plan = TinyRun.Plan(TinyRun.TwoModels);
        string whole = TinyRun.NewDir(), broken = TinyRun.NewDir();
        TinyRun.Run(plan, whole);

        using var cts = new CancellationTokenSource();
        var stopMidEpoch = new TrainingCallbacks
        {
            Batch = b => { if (b.Model == "sum" && b.Seed == 0 && b.Epoch == 2 && b.Batch == 3) cts.Cancel(); },
        };
        Assert.ThrowsAny<OperationCanceledException>(() => TinyRun.Run(plan, broken, stopMidEpoch, cts.Token));
        var state = UnitPaths.For(broken, "sum", 0).ReadState()!;
        Assert.Equal(1, state.EpochsDone);                                   // the epoch in progress is dropped
        Assert.Equal(Results.UnitStatus.Done, UnitPaths.For(broken, "rgb", 1).ReadState()!.Status);

        var logBefore = File.ReadAllText(Path.Combine(broken, RunFiles.Log));
        TinyRun.Run(plan, broken);                                           // resume: same spec, same directory
        Assert.Equal(TinyRun.Metrics(whole), TinyRun.Metrics(broken));
        string log = File.ReadAllText(Path.Combine(broken, RunFiles.Log))[logBefore.Length..];
        Assert.Contains("rgb seed 0: already done, skipped", log);          // finished units are never redone
        Assert.Contains("sum seed 0: resuming after epoch 1", log);
    }

    [Fact]
    public void A_run_keeps_its_layout_when_resumed_and_runs_from_before_layouts_resume_nchw()
    {
        var plan = TinyRun.Plan(TinyRun.TwoModels.Replace("seeds: [0, 1]", "seeds: [0]")
            .Replace("[conv2d: { out: 4, kernel: 3, padding: 1 }, relu,", "[conv2d: { out: 8, kernel: 3, padding: 1 }, relu, conv2d: { out: 16, kernel: 3, padding: 1 }, relu,"));
        string nchw = TinyRun.NewDir(), channelsLast = TinyRun.NewDir(), old = TinyRun.NewDir();
        ExperimentRunner.Run(plan, new RunOptions { OutDir = nchw, Threads = 1, Cores = TestThreads.Cores, ChannelsLast = false });
        ExperimentRunner.Run(plan, new RunOptions { OutDir = channelsLast, Threads = 1, Cores = TestThreads.Cores, ChannelsLast = true });
        Assert.NotEqual(TinyRun.Metrics(nchw), TinyRun.Metrics(channelsLast));   // the layouts differ in the last digits
        Assert.Equal("nchw", RunFiles.ReadJson<Manifest>(Path.Combine(nchw, RunFiles.Manifest)).Layout);
        Assert.Equal("channels_last", RunFiles.ReadJson<Manifest>(Path.Combine(channelsLast, RunFiles.Manifest)).Layout);

        using var cts = new CancellationTokenSource();
        var stop = new TrainingCallbacks { Batch = b => { if (b.Model == "rgb" && b.Epoch == 2 && b.Batch == 2) cts.Cancel(); } };
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ExperimentRunner.Run(plan, new RunOptions { OutDir = old, Threads = 1, Cores = TestThreads.Cores, ChannelsLast = false, Callbacks = stop }, cts.Token));
        string manifest = Path.Combine(old, RunFiles.Manifest);             // as written before the manifest recorded layouts
        RunFiles.WriteJson(manifest, RunFiles.ReadJson<Manifest>(manifest) with { Layout = null });
        TinyRun.Run(plan, old);                                              // resumed with default options
        Assert.Equal(TinyRun.Metrics(nchw), TinyRun.Metrics(old));

        string resumed = TinyRun.NewDir();                                  // a channels-last run stays so, whatever is asked
        using var cts2 = new CancellationTokenSource();
        var stop2 = new TrainingCallbacks { Batch = b => { if (b.Model == "sum" && b.Epoch == 2 && b.Batch == 2) cts2.Cancel(); } };
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ExperimentRunner.Run(plan, new RunOptions { OutDir = resumed, Threads = 1, Cores = TestThreads.Cores, ChannelsLast = true, Callbacks = stop2 }, cts2.Token));
        ExperimentRunner.Run(plan, new RunOptions { OutDir = resumed, Threads = 1, Cores = TestThreads.Cores, ChannelsLast = false });
        Assert.Equal(TinyRun.Metrics(channelsLast), TinyRun.Metrics(resumed));
    }

    [Fact]
    public void A_bf16_run_records_whether_bf16_was_emulated_and_keeps_it_when_resumed()
    {
        var plan = TinyRun.Plan(TinyRun.TwoModels.Replace("seeds: [0, 1]", "seeds: [0]").Replace("train: { epochs: 3,", "train: { epochs: 2, precision: bf16,"));
        string emulated = TinyRun.NewDir(), native = TinyRun.NewDir(), resumed = TinyRun.NewDir();
        RunOptions Options(string dir, bool emulate) => new() { OutDir = dir, Threads = 1, Cores = TestThreads.Cores, EmulateBf16 = emulate };
        ExperimentRunner.Run(plan, Options(emulated, true));
        ExperimentRunner.Run(plan, Options(native, false));
        Assert.Equal("emulated", RunFiles.ReadJson<Manifest>(Path.Combine(emulated, RunFiles.Manifest)).Bf16);
        Assert.Equal("native", RunFiles.ReadJson<Manifest>(Path.Combine(native, RunFiles.Manifest)).Bf16);
        if (!Native.CpuFeatures.HasBf16) Assert.NotEqual(TinyRun.Metrics(emulated), TinyRun.Metrics(native));   // its software kernels round partial sums too
        string log = File.ReadAllText(Path.Combine(emulated, RunFiles.Log));
        string said = Native.CpuFeatures.HasBf16 ? "emulated as CNNEXP_BF16 asks" : "cnnexp emulates bf16";
        Assert.Equal(1, log.Split(said).Length - 1);                        // once per run, not per unit (two here)
        Assert.Contains(Native.CpuFeatures.HasBf16 ? "in libtorch's bf16 kernels, in hardware" : "they run in software",
            File.ReadAllText(Path.Combine(native, RunFiles.Log)));

        using var cts = new CancellationTokenSource();                    // interrupted emulated, resumed asking for native
        var stop = new TrainingCallbacks { Batch = b => { if (b.Model == "sum" && b.Epoch == 2 && b.Batch == 2) cts.Cancel(); } };
        Assert.ThrowsAny<OperationCanceledException>(() => ExperimentRunner.Run(plan, Options(resumed, true) with { Callbacks = stop }, cts.Token));
        ExperimentRunner.Run(plan, Options(resumed, false));
        Assert.Equal(TinyRun.Metrics(emulated), TinyRun.Metrics(resumed));
        Assert.Contains("emulated as manifest.json records", File.ReadAllText(Path.Combine(resumed, RunFiles.Log)));

        var fp32 = TinyRun.Plan(TinyRun.TwoModels.Replace("seeds: [0, 1]", "seeds: [0]").Replace("epochs: 3", "epochs: 1"));
        string plain = TinyRun.NewDir();
        ExperimentRunner.Run(fp32, Options(plain, true));
        Assert.Null(RunFiles.ReadJson<Manifest>(Path.Combine(plain, RunFiles.Manifest)).Bf16);   // no model in bf16: nothing to record
    }

    [Fact]
    public void A_changed_spec_is_refused_with_a_diff()
    {
        string dir = TinyRun.NewDir();
        var plan = TinyRun.Plan(TinyRun.TwoModels.Replace("epochs: 3", "epochs: 1"));
        TinyRun.Run(plan, dir);
        var changed = TinyRun.Plan(TinyRun.TwoModels.Replace("epochs: 3", "epochs: 2"));
        var e = Assert.Throws<SpecChangedException>(() => TinyRun.Run(changed, dir));
        Assert.Contains("-   epochs: 1", e.Diff);
        Assert.Contains("+   epochs: 2", e.Diff);
    }

    [Fact]
    public void A_diverging_model_is_stopped_and_reported_while_the_others_finish()
    {
        var plan = TinyRun.Plan(TinyRun.TwoModels.Replace("""
                      sum:
                        extends: rgb
                        input: [channel_sum]
                    """, """
                      wild:
                        extends: rgb
                        input: [normalize: { mean: [0], std: [1.0e-20] }]
                        train: { optimizer: { type: sgd, lr: 1000 } }
                    """));
        string dir = TinyRun.NewDir();
        var summary = TinyRun.Run(plan, dir);
        var rgb = summary.Models.Single(m => m.Name == "rgb");
        var wild = summary.Models.Single(m => m.Name == "wild");
        Assert.All(rgb.Seeds, s => Assert.Equal(Results.UnitStatus.Done, s.Status));
        Assert.All(wild.Seeds, s => Assert.Contains("training loss became", s.StopReason));
        Assert.Equal(Results.UnitStatus.Stopped, UnitPaths.For(dir, "wild", 0).ReadState()!.Status);
        Assert.Equal(3, rgb.Seeds[0].Epochs);
        Assert.Equal(1, wild.Seeds[0].Epochs);                               // the inherited epochs: 3 stay, but it stopped at 1
    }

    [Fact]
    public void Early_stopping_watches_the_validation_split_and_keeps_the_best_epoch()
    {
        var plan = TinyRun.Plan(TinyRun.TwoModels
            .Replace("limit: 300 }", "limit: 300, val_fraction: 0.2 }")
            .Replace("train: { epochs: 3,", "train: { epochs: 20, early_stopping: { metric: val_accuracy, patience: 2, min_delta: 1.0 },"));
        string dir = TinyRun.NewDir();
        var summary = TinyRun.Run(plan, dir);
        var state = UnitPaths.For(dir, "rgb", 0).ReadState()!;
        Assert.Equal(Results.UnitStatus.Stopped, state.Status);
        Assert.Equal(3, state.EpochsDone);                        // epoch 1 is the best; 2 and 3 fail to gain 1.0
        Assert.Equal(1, state.BestEpoch);
        Assert.Contains("early stopping: no improvement for 2 epochs", summary.Models[0].Seeds[0].StopReason);
        var rows = MetricsCsv.Read(Path.Combine(dir, RunFiles.Metrics));
        Assert.All(rows, r => Assert.InRange(r.ValAccuracy, 0, 1));  // validation metrics every epoch
        Assert.True(File.Exists(UnitPaths.For(dir, "rgb", 0).BestWeights));
    }

    [Fact]
    public void Every_input_transform_trains_through_the_model_builder()
    {
        // Modules that keep tensors as buffers (indices, weights, mean/std) must survive the
        // dispose scope the builder creates; a one-epoch run through the real path proves it.
        var plan = TinyRun.Plan("""
            name: transforms
            data: { dataset: synthetic, batch_size: 50, limit: 100 }
            train: { epochs: 1 }
            models:
              sum:
                input: [channel_sum]
                layers: [conv2d: { out: 2, kernel: 3 }, relu, flatten, linear: { out: 10 }]
              mean: { extends: sum, input: [channel_mean] }
              gray: { extends: sum, input: [grayscale] }
              green: { extends: sum, input: [channel_select: { channels: [1] }] }
              bgr: { extends: sum, input: [channel_permute: { order: [2, 1, 0] }] }
              norm: { extends: sum, input: [normalize: { mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25] }] }
            """);
        var summary = TinyRun.Run(plan, TinyRun.NewDir());
        Assert.Equal(6, summary.Models.Count);
        Assert.All(summary.Models, m => Assert.Equal(Results.UnitStatus.Done, Assert.Single(m.Seeds).Status));
    }

    [Fact]
    public void Summary_holds_statistics_confusion_and_per_class_accuracy()
    {
        var summary = TinyRun.Run(TinyRun.Plan(TinyRun.TwoModels), TinyRun.NewDir());
        var rgb = summary.Models[0];
        Assert.Equal(2, rgb.TestAccuracy!.N);
        Assert.InRange(rgb.TestAccuracy.Mean, rgb.TestAccuracy.Ci95Low, rgb.TestAccuracy.Ci95High);
        var seed = rgb.Seeds[0];
        Assert.Equal(10, seed.Confusion.Count);
        Assert.Equal(300, seed.Confusion.Sum(r => r.Sum()));                  // every test image counted once
        Assert.Equal(seed.FinalTestAccuracy, seed.Confusion.Select((r, i) => r[i]).Sum() / 300.0, 9);
        Assert.Equal(10, seed.PerClassAccuracy.Count);
        var c = Assert.Single(summary.Comparisons);
        Assert.Equal(("rgb", "sum", 2), (c.A, c.B, c.N));
    }

    [Fact]
    public void No_tensor_outlives_a_training_step()
    {
        Native.NativeRuntime.EnsureLoaded(1);
        var plan = TinyRun.Plan(TinyRun.TwoModels);
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var atEpochEnd = new List<(string Unit, int Epoch, long Live)>();
        int batches = 0;
        TinyRun.Run(plan, TinyRun.NewDir(), new TrainingCallbacks
        {
            Batch = _ => batches++,
            Epoch = m => atEpochEnd.Add(($"{m.Model}/{m.Seed}", m.Epoch, DisposeScopeManager.Statistics.ThreadTotalLiveCount)),
        });
        Assert.Equal(2 * 2 * 3 * 10, batches);                                  // 300 images / 32 = 10 batches
        // After every epoch of every unit the same tensors are alive (weights, gradients, optimiser
        // state): nothing accumulates across steps, epochs or units.
        var counts = atEpochEnd.Select(e => e.Live).Distinct().ToList();
        Assert.True(counts.Count == 1, "live tensors at epoch ends: " + string.Join(", ", atEpochEnd.Select(e => $"{e.Unit}#{e.Epoch}={e.Live}")));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long leaked = DisposeScopeManager.Statistics.ThreadTotalLiveCount - before;
        Assert.True(leaked <= 0, $"{leaked} tensors outlived the run");
    }
}

[CollectionDefinition("training", DisableParallelization = true)]
public class TrainingCollection;
