using System.Diagnostics;
using System.Globalization;
using Cnnexp.Engine.Artefacts;
using Cnnexp.Engine.Data;
using Cnnexp.Engine.Native;
using Cnnexp.Results;
using Cnnexp.Results.Artefacts;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Engine.Training;

/// <summary>
/// Plan → run directory. Trains every unit (model × seed) that is not finished yet, so running
/// into a directory that holds an interrupted run of the same spec resumes it. Writes
/// spec.resolved.yaml, manifest.json, per-unit state and checkpoints, metrics.csv (merged after
/// every epoch), summary.json and run.log. A unit that fails or diverges is recorded and the others go on.
/// </summary>
public static class ExperimentRunner
{
    public static RunSummary Run(ExperimentPlan plan, RunOptions options, CancellationToken cancel = default)
    {
        NativeRuntime.EnsureLoaded();                                  // before any other use of torch (it finds libtorch the way fsi needs)
        var device = DeviceChoice.Resolve(plan.Spec.Train.Device);
        var policy = AdaptiveRun.Policy(plan);
        var units = (from model in plan.Models from seed in plan.Spec.RunSeeds
                     where options.Only?.Invoke(model.Name, seed) ?? true select (Model: model, Seed: seed)).ToList();
        int firstWave = policy is null ? units.Count : plan.Models.Count * policy.Min;   // an adaptive run's units come wave by wave
        int cores = options.Cores > 0 ? options.Cores : Environment.ProcessorCount;
        string manifest = Path.Combine(options.OutDir, RunFiles.Manifest);
        // Units this process goes on with keep the threads they started with (their metrics depend on them), unless told otherwise or they no longer fit.
        int? keptThreads = options.Threads > 0 ? null : StartedWith(options.OutDir, units) is int r && r <= cores && (options.Jobs ?? 1) * r <= cores ? r : null;
        var (budget, budgetError) = ThreadBudget.Resolve(options.Jobs, options.Threads > 0 ? options.Threads : keptThreads,
            cores, firstWave, cuda: device.type == TorchSharp.DeviceType.CUDA);
        if (budget is null) throw new SettingsException(budgetError!);
        if (InitialWeights.Check(plan) is { Count: > 0 } initProblems)             // every `init` source fits, before any training
            throw new SettingsException(Spec.Diagnostics.DiagnosticFormatter.FormatAll(initProblems).TrimEnd());
        NativeRuntime.EnsureLoaded(budget.Threads);
        bool resuming = RunDirectory.Prepare(options.OutDir, plan);
        using var log = new RunLog(Path.Combine(options.OutDir, RunFiles.Log), options.Log);
        var clock = Stopwatch.StartNew();
        using var data = options.Data?.GetAwaiter().GetResult() ?? DatasetLoader.Load(plan.Spec.Data, options.DataOptions with { Log = options.DataOptions.Log ?? log.Write }, cancel);
        log.Write(data.Describe());
        log.Write($"{(resuming ? "resuming" : "starting")} {plan.Spec.Name}: {data.Info.Name}, {data.Train.Count} training and " +
                  $"{data.Test.Count} test images, {plan.Models.Count} model(s) x {SeedsText(plan)}, {device}, " +
                  $"{budget.Jobs} unit(s) at a time with {budget.Threads} thread(s) each{(keptThreads is not null ? " (the threads the unfinished units started with)" : "")}");
        bool recorded = resuming && File.Exists(manifest);                 // a run that died loading data wrote none
        bool cuda = device.type == TorchSharp.DeviceType.CUDA;
        var recordedManifest = recorded ? RunFiles.ReadJson<Manifest>(manifest) : null;
        bool channelsLast = recordedManifest is not null
            ? recordedManifest.Layout == Modules.ChannelsLast.Token   // earlier versions recorded none: NCHW
            : Modules.ChannelsLast.Default(options.ChannelsLast, cuda);
        bool emulateBf16 = recordedManifest is not null                  // on CUDA bf16 always runs in the GPU's kernels
            ? !cuda && recordedManifest.Bf16 == Modules.Autocast.Bf16Token(emulated: true)   // earlier versions recorded none: native kernels
            : Modules.Autocast.EmulatesBf16(options.EmulateBf16, cuda);
        if (!recorded)
            RunFiles.WriteJson(manifest, ManifestBuilder.Build(plan.Spec, data, device, budget.Threads, options.CommandLine, channelsLast)
                with { Precision = PrecisionCheck.Of(plan), Bf16 = PrecisionCheck.Bf16Of(plan, emulateBf16), Jobs = budget.Jobs, Init = InitialWeights.Sources(plan) });
        if (PrecisionCheck.Note(plan, cuda, emulateBf16, recorded: recordedManifest?.Bf16 is not null) is { } note) log.Write(note);
        log.Write($"convolutions {(channelsLast ? "channels-last" : "NCHW")}{(recorded ? " (as manifest.json records)" : "")}; glibc malloc: {MallocTuning.State}");

        options.Callbacks.RunStart?.Invoke(new RunStarting(plan.Spec.Name, options.OutDir, plan.Models.Select(m => m.Name).ToList(),
            plan.Spec.RunSeeds, resuming, log.Write));
        // Units side by side share the data and the run directory; their callbacks are called one at a time (docs/hooks.md).
        var unitOptions = budget.Jobs > 1 ? options with { Callbacks = CallbackGate.Serialise(options.Callbacks) } : options;
        void Train((ModelPlan Model, int Seed) unit, CancellationToken token)
        {
            RunUnit(plan, unit.Model, unit.Seed, data, device, channelsLast, emulateBf16, budget.Threads, unitOptions, log, token);
            ArtefactRecorder.Record(plan, unit.Model, unit.Seed, data, options.OutDir, log.Write, channelsLast, log.WriteFileOnly);   // tensors the figures need
            MallocTuning.Trim();                                       // the unit's freed buffers go back to the kernel
        }
        try
        {
            if (policy is null) RunInPhases(plan, units, budget.Jobs, Train, cancel);
            else RunWaves(plan, policy, options, log, budget.Jobs, Train, cancel);
        }
        finally
        {
            MergeMetrics(plan, options.OutDir);
        }
        var summary = Merge(plan, options.OutDir).Summary;
        options.Callbacks.RunEnd?.Invoke(summary);
        return summary;
    }

    /// <summary>
    /// An adaptive study: decide from the units' files, train the next wave (one more seed of every model
    /// still racing; the first wave is `min` seeds), decide again, until the decision says stop. Deciding
    /// from the files alone makes a resumed run decide exactly as an uninterrupted one.
    /// </summary>
    static void RunWaves(ExperimentPlan plan, Results.Statistics.AdaptivePolicy policy, RunOptions options, RunLog log, int jobs,
        Action<(ModelPlan Model, int Seed), CancellationToken> train, CancellationToken cancel)
    {
        IReadOnlyList<(string Model, int Seed)>? previous = null;
        while (true)
        {
            var decision = AdaptiveRun.Decide(plan, policy, options.OutDir);
            if (decision.Seeds > 0) foreach (var c in decision.Comparisons) log.Write($"adaptive: {AdaptiveRun.Line(c, policy)}");
            log.Write($"adaptive: {Results.Statistics.AdaptiveVerdicts.Explanation(decision, policy, plan.Models.Count)}");
            if (decision.Stop) return;
            var wave = decision.Next.Where(u => options.Only?.Invoke(u.Model, u.Seed) ?? true).ToList();
            if (wave.Count == 0 || previous is not null && wave.SequenceEqual(previous))
                return;                                             // the units left are another process's, or cannot finish here
            previous = wave;
            RunInPhases(plan, wave.Select(u => (plan.Model(u.Model), u.Seed)).ToList(), jobs, train, cancel);
        }
    }

    /// <summary>Units side by side, those whose `init` is another model of this run after that model's units (<see cref="InitialWeights.Phases"/>).</summary>
    static void RunInPhases(ExperimentPlan plan, IReadOnlyList<(ModelPlan Model, int Seed)> units, int jobs,
        Action<(ModelPlan Model, int Seed), CancellationToken> train, CancellationToken cancel)
    {
        foreach (var phase in InitialWeights.Phases(plan, units, u => u.Model.Name)) UnitScheduler.Run(phase, jobs, train, cancel);
    }

    static string SeedsText(ExperimentPlan plan) => plan.Spec.Adaptive is { } a
        ? $"adaptive seeds ({a.Min} to {a.Max}, until resolved)"
        : $"{plan.Spec.RunSeeds.Count} seed(s)";

    /// <summary>
    /// Rebuilds metrics.csv and summary.json from every unit's files — for a run whose units were
    /// trained by many processes (`--unit`, `--shard`, job arrays) — and lists the units not finished.
    /// </summary>
    public static MergeResult Merge(ExperimentPlan plan, string dir)
    {
        MergeMetrics(plan, dir);
        var states = new Dictionary<(string, int), UnitState?>();
        foreach (var m in plan.Models)
            foreach (int s in plan.Spec.RunSeeds)
                states[(m.Name, s)] = UnitPaths.For(dir, m.Name, s).ReadState();
        double seconds = MetricsCsv.Read(Path.Combine(dir, RunFiles.Metrics)).Sum(r => r.Seconds);
        var summary = SummaryBuilder.Build(plan, (m, s) => states[(m, s)], seconds) with { Checks = ArtefactFiles.ReadChecks(dir) };
        RunFiles.WriteJson(Path.Combine(dir, RunFiles.Summary), summary);
        // An adaptive study misses only what its decision still asks for (and units started but not finished).
        var wanted = AdaptiveRun.Policy(plan) is { } policy
            ? AdaptiveRun.Decide(plan, policy, (m, s) => states[(m, s)]).Next.ToHashSet()
            : null;
        var missing = states.Where(kv => kv.Value is not { Finished: true } && (wanted is null || kv.Value is not null || wanted.Contains(kv.Key)))
            .Select(kv => new LedgerEntry(UnitIdOf(plan, kv.Key.Item1, kv.Key.Item2), kv.Key.Item1, kv.Key.Item2,
                kv.Value?.Status ?? UnitStatus.Pending, kv.Value?.EpochsDone ?? 0, kv.Value?.Message))
            .ToList();
        return new MergeResult(summary, missing);
    }

    static string UnitIdOf(ExperimentPlan plan, string model, int seed) =>
        WorkUnit.Of(plan).First(u => u.Model == model && u.Seed == seed).Id;

    /// <summary>
    /// The threads the unfinished units among <paramref name="units"/> started with, when they all agree
    /// (their state.json); null when none has started, or they differ.
    /// </summary>
    static int? StartedWith(string dir, IEnumerable<(ModelPlan Model, int Seed)> units)
    {
        var counts = new HashSet<int>();
        foreach (var (model, seed) in units)
        {
            UnitState? state;
            try { state = UnitPaths.For(dir, model.Name, seed).ReadState(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or RunFileException) { continue; }   // reported when the unit starts
            if (state is { Finished: false, EpochsDone: > 0, Threads: int t }) counts.Add(t);
        }
        return counts.Count == 1 ? counts.Single() : null;
    }

    static void RunUnit(ExperimentPlan plan, ModelPlan model, int seed, LoadedDataset data, TorchSharp.torch.Device device,
        bool channelsLast, bool emulateBf16, int threads, RunOptions options, RunLog log, CancellationToken cancel)
    {
        var paths = UnitPaths.For(options.OutDir, model.Name, seed);
        var state = paths.ReadState() ?? new UnitState { Model = model.Name, Seed = seed };
        if (state.Finished)
        {
            log.Write($"{model.Name} seed {seed}: already {state.Status.Token()}, skipped");
            return;
        }
        if (state.EpochsDone > 0) log.Write($"{model.Name} seed {seed}: resuming after epoch {state.EpochsDone}");
        if (state.EpochsDone > 0 && state.Threads is int before && before != threads)
            log.Write($"{model.Name} seed {seed}: warning: it started with {before} thread(s) and goes on after epoch {state.EpochsDone} with {threads}; " +
                      $"float sums run in another order, so from here its metrics differ in the last digits from an uninterrupted run's (--threads {before} keeps them)");
        state = state with { Threads = state.Threads ?? threads };      // kept from the unit's first epoch
        var callbacks = options.Callbacks with
        {
            Epoch = m =>
            {
                MergeMetrics(plan, options.OutDir);
                log.Write(EpochLine(m, model.TrainFor(plan.Spec).Epochs));
                options.Callbacks.Epoch?.Invoke(m);
            },
        };
        try
        {
            var final = new Trainer(model, plan.Spec, data, seed, paths, device, channelsLast,
                m => InitialWeights.Apply(plan, model, m, seed, options.OutDir), log.Write, emulateBf16).Run(state, callbacks, cancel);
            if (final.Status != UnitStatus.Done) log.Write($"{model.Name} seed {seed}: {final.Message}");
        }
        catch (OperationCanceledException)
        {
            log.Write($"{model.Name} seed {seed}: interrupted; {paths.ReadState()?.EpochsDone ?? 0} finished epoch(s) kept");
            throw;
        }
        catch (Exception e) when (e is not DataException)
        {
            if (e is IExpectedFailure)
            {
                paths.WriteState((paths.ReadState() ?? state) with { Status = UnitStatus.Failed, Message = e.Message });
                log.Write($"{model.Name} seed {seed}: failed: {e.Message}; other models and seeds go on");
                return;
            }
            // Unexpected: the evidence stays, type, message and stack in state.json and run.log; the console gets one line naming them.
            var failed = (paths.ReadState() ?? state) with { Status = UnitStatus.Failed, Message = $"{e.GetType().Name}: {e.Message}", Error = e.ToString() };
            paths.WriteState(failed);
            log.WriteFileOnly($"{model.Name} seed {seed}: failed:\n{e}");
            log.Write($"{model.Name} seed {seed}: failed: {e.GetType().Name}: {e.Message} (stack trace in run.log and {Path.GetRelativePath(options.OutDir, paths.State)}); other models and seeds go on");
        }
    }

    static string EpochLine(EpochMetrics m, int epochs) => string.Create(CultureInfo.InvariantCulture,
        $"{m.Model} seed {m.Seed} epoch {m.Epoch}/{epochs}: train loss {m.TrainLoss:F4}, train acc {m.TrainAccuracy:P1}, " +
        $"test loss {m.TestLoss:F4}, test acc {m.TestAccuracy:P1}, {m.ImagesPerSecond:F0} img/s");

    static readonly object MetricsGate = new();

    /// <summary>Rewrites the run's metrics.csv from the units' files, in spec order (one writer at a time: units finish epochs side by side).</summary>
    static void MergeMetrics(ExperimentPlan plan, string dir)
    {
        lock (MetricsGate) MergeMetricsAlone(plan, dir);
    }

    static void MergeMetricsAlone(ExperimentPlan plan, string dir)
    {
        var rows = new List<EpochMetrics>();
        foreach (var model in plan.Models)
            foreach (int seed in plan.Spec.RunSeeds)
            {
                var p = UnitPaths.For(dir, model.Name, seed);
                if (File.Exists(p.Metrics)) rows.AddRange(MetricsCsv.Read(p.Metrics));
            }
        MetricsCsv.Write(Path.Combine(dir, RunFiles.Metrics), rows);
    }
}
