using System.Diagnostics;
using Cnnexp.Engine.Data;
using Cnnexp.Engine.Modules;
using Cnnexp.Results;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Planning;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Training;

/// <summary>
/// Trains one unit — a model with one seed — from wherever its state says it stopped. After every
/// epoch it saves weights, optimiser state, the metrics row and state.json, in that order, so a
/// killed process loses at most the epoch in progress and a resumed run computes exactly what an
/// uninterrupted one would (data order, dropout and learning rate all derive from seed and epoch).
/// </summary>
/// <param name="initialise">
/// Loads the model's `init` weights into the freshly built model (<see cref="InitialWeights.Apply"/>) and
/// says where they came from; called only when the unit starts from epoch 0.
/// </param>
public sealed class Trainer(ModelPlan plan, ExperimentSpec spec, LoadedDataset data, int seed, UnitPaths paths, Device device, bool channelsLast = true,
    Func<Sequential, string?>? initialise = null, Action<string>? log = null, bool emulateBf16 = false)
{
    readonly TrainSpec train = plan.TrainFor(spec);
    readonly int batchSize = spec.Data.BatchSize;

    public UnitState Run(UnitState state, TrainingCallbacks callbacks, CancellationToken cancel)
    {
        Directory.CreateDirectory(paths.Dir);
        using var random = new UnitRandom(seed);
        var build = new BuildOptions { ChannelsLast = channelsLast, Precision = train.Precision, EmulateBf16 = emulateBf16, Generator = random.Generator };
        using var model = UnitRandom.Initialise(seed, () => ModelBuilder.Build(plan, build));   // same initial weights for the same seed
        model.to(device);
        if (state.EpochsDone == 0 && initialise?.Invoke(model) is { } from)
        {
            var start = Evaluator.Evaluate(model, data.Test, batchSize, device);   // the source's metrics, when the data are the same
            log?.Invoke(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{plan.Name} seed {seed}: starts from {from}; before training: test loss {start.Loss:F4}, test acc {start.Accuracy:P2}"));
        }
        int frozen = InitialWeights.Freeze(plan, model);                 // frozen parameters get no gradient and no optimiser state
        if (frozen > 0 && state.EpochsDone == 0) log?.Invoke($"{plan.Name} seed {seed}: {frozen} parameter tensor(s) frozen ({string.Join(", ", plan.Spec.Freeze!)})");
        using var optimizer = OptimizerFactory.Create(train.Optimizer, model.parameters().Where(p => p.requires_grad));
        MetricsCsv.Truncate(paths.Metrics, state.EpochsDone);       // rows of an epoch that never reached state.json (also the first)
        if (state.EpochsDone > 0) Restore(model, optimizer, state);
        state = state with { Status = UnitStatus.Running };
        while (state.EpochsDone < train.Epochs)
        {
            int epoch = state.EpochsDone + 1;
            random.StartEpoch(epoch);                        // dropout masks of this epoch
            var clock = Stopwatch.StartNew();
            var fit = TrainEpoch(model, optimizer, epoch, callbacks, cancel);
            double seconds = clock.Elapsed.TotalSeconds;
            var testExtras = EpochExtras.For(callbacks);           // custom metrics see the evaluations' logits
            var valExtras = data.Validation is null ? null : EpochExtras.For(callbacks);
            var test = Evaluator.Evaluate(model, data.Test, batchSize, device, testExtras is null ? null : testExtras.Observe);
            Evaluation? val = data.Validation is { } v ? Evaluator.Evaluate(model, v, batchSize, device, valExtras is null ? null : valExtras.Observe) : null;
            var metrics = EpochExtras.Complete(new EpochMetrics
            {
                Model = plan.Name, Seed = seed, Epoch = epoch, TrainLoss = fit.Loss, TrainAccuracy = fit.Accuracy,
                TestLoss = test.Loss, TestAccuracy = test.Accuracy, ValLoss = val?.Loss ?? double.NaN, ValAccuracy = val?.Accuracy ?? double.NaN,
                LearningRate = LrSchedule.At(train, epoch - 1), Seconds = seconds, ImagesPerSecond = fit.Count / seconds,
            }, testExtras, valExtras, callbacks, train.Epochs, model);
            state = Checkpoint(model, optimizer, state, metrics);
            callbacks.Epoch?.Invoke(metrics);
            string? stop = !double.IsFinite(fit.Loss)
                ? $"training loss became {fit.Loss} at epoch {epoch}; this model/seed was stopped (lower the learning rate or add grad_clip)"
                : EarlyStop(state) ?? callbacks.StopRequest?.Invoke(metrics);
            if (stop is not null) return Finish(model, state with { Status = UnitStatus.Stopped, Message = stop }, metrics);
        }
        return Finish(model, state with { Status = UnitStatus.Done }, ReadLastMetrics());
    }

    Evaluation TrainEpoch(Sequential model, optim.Optimizer optimizer, int epoch, TrainingCallbacks callbacks, CancellationToken cancel)
    {
        model.train();
        var order = Batches.Order(data.Train.Count, seed, epoch, shuffle: true);
        int batches = (order.Length + batchSize - 1) / batchSize, batch = 0;
        double lossSum = 0; long correct = 0; int seen = 0;
        var clock = Stopwatch.StartNew();
        using var source = Batches.Of(data.Train, order, batchSize, data.Augment(seed, epoch)).GetEnumerator();
        while (true)
        {
            using var scope = NewDisposeScope();               // frees every tensor of this step
            if (!source.MoveNext()) break;
            cancel.ThrowIfCancellationRequested();            // stops after the current batch
            SetLearningRate(optimizer, LrSchedule.At(train, epoch - 1 + (double)batch / batches));
            var x = source.Current.Images.to(device);          // (N, C, H, W)
            var y = source.Current.Labels.to(device);          // (N)
            var (logits, loss) = GradientStep.Take(model, optimizer, x, y, train);
            int n = (int)y.shape[0];
            float batchLoss = loss.item<float>();
            lossSum += batchLoss * n;
            correct += logits.argmax(1).eq(y).sum().item<long>();
            seen += n;
            batch++;
            var progress = new BatchProgress(plan.Name, seed, epoch, train.Epochs, batch, batches, lossSum / seen, seen / clock.Elapsed.TotalSeconds);
            callbacks.Step?.Invoke(new TrainingStep(progress, model, x, y, logits, batchLoss));
            callbacks.Batch?.Invoke(progress);
        }
        return new Evaluation(lossSum / seen, (double)correct / seen, seen);
    }

    static void SetLearningRate(optim.Optimizer optimizer, double lr)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
    }

    void Restore(Sequential model, optim.Optimizer optimizer, UnitState state)
    {
        model.load(paths.LastWeights);
        ((OptimizerHelper)optimizer).load_state_dict(paths.LastOptimizer);
    }

    UnitState Checkpoint(Sequential model, optim.Optimizer optimizer, UnitState state, EpochMetrics m)
    {
        SaveAtomic(paths.LastWeights, p => model.save(p));
        SaveAtomic(paths.LastOptimizer, p => ((OptimizerHelper)optimizer).save_state_dict(p));
        double metric = Watched(m);                              // larger is better (a loss is negated)
        bool better = double.IsNaN(state.BestMetric) || metric > state.BestMetric + (train.EarlyStopping?.MinDelta ?? 0);
        if (better) SaveAtomic(paths.BestWeights, p => model.save(p));
        MetricsCsv.Append(paths.Metrics, m);
        var next = state with
        {
            EpochsDone = m.Epoch,
            BestEpoch = better ? m.Epoch : state.BestEpoch,
            BestMetric = better ? metric : state.BestMetric,
            EpochsWithoutImprovement = better ? 0 : state.EpochsWithoutImprovement + 1,
        };
        paths.WriteState(next);
        return next;
    }

    /// <summary>
    /// The metric that picks the best epoch and drives early stopping, as "larger is better":
    /// early_stopping's metric when set (validation loss negated), else validation accuracy when
    /// there is a validation split, else test accuracy (reported as such; no early stopping then).
    /// </summary>
    double Watched(EpochMetrics m) => train.EarlyStopping?.Metric switch
    {
        StopMetric.ValLoss => -m.ValLoss,
        StopMetric.ValAccuracy => m.ValAccuracy,
        _ => double.IsNaN(m.ValAccuracy) ? m.TestAccuracy : m.ValAccuracy,
    };

    string? EarlyStop(UnitState state) =>
        train.EarlyStopping is { } es && state.EpochsWithoutImprovement >= es.Patience
            ? $"early stopping: no improvement for {es.Patience} epochs (best at epoch {state.BestEpoch})"
            : null;

    UnitState Finish(Sequential model, UnitState state, EpochMetrics last)
    {
        var confusion = Evaluator.Confusion(model, data.Test, batchSize, device, data.Info.ClassCount);
        var result = new SeedResult
        {
            Seed = seed, Epochs = last.Epoch, FinalTrainLoss = last.TrainLoss, FinalTestLoss = last.TestLoss,
            FinalTestAccuracy = last.TestAccuracy, Confusion = confusion, PerClassAccuracy = Evaluator.PerClass(confusion),
            Status = state.Status, StopReason = state.Status == UnitStatus.Stopped ? state.Message : null,
        };
        var final = state with { Result = result };
        paths.WriteState(final);
        return final;
    }

    EpochMetrics ReadLastMetrics() => MetricsCsv.Read(paths.Metrics).Last();

    static void SaveAtomic(string path, Action<string> save)
    {
        string tmp = path + ".tmp";
        save(tmp);
        File.Move(tmp, path, overwrite: true);
    }
}
