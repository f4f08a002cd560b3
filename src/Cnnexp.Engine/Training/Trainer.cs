using System.Diagnostics;
using Cnnexp.Engine.Data;
using Cnnexp.Engine.Modules;
using Cnnexp.Results;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Planning;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Training;

/// <summary>Trains one model for one seed, one dispose scope per batch.</summary>
public sealed class Trainer(ModelPlan plan, TrainSpec train, int batchSize, LoadedDataset data, int seed)
{
    /// <summary>
    /// Runs every epoch, reporting each as it finishes. Returns the seed's final result;
    /// <paramref name="onTrained"/> sees the trained model before it is disposed.
    /// </summary>
    public SeedResult Run(Action<EpochMetrics> onEpoch, CancellationToken cancel, Action<Sequential>? onTrained = null)
    {
        manual_seed(seed);                                  // same initial weights for the same seed
        using var model = ModelBuilder.Build(plan);
        using var optimizer = OptimizerFactory.Create(train.Optimizer, model.parameters());
        EpochMetrics? last = null;
        for (int epoch = 1; epoch <= train.Epochs; epoch++)
        {
            cancel.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var fit = TrainEpoch(model, optimizer, epoch, cancel);
            double seconds = clock.Elapsed.TotalSeconds;
            var test = Evaluate(model, data.Test, batchSize);
            last = new EpochMetrics
            {
                Model = plan.Name, Seed = seed, Epoch = epoch,
                TrainLoss = fit.Loss, TrainAccuracy = fit.Accuracy, TestLoss = test.Loss, TestAccuracy = test.Accuracy,
                LearningRate = train.Optimizer.Lr, Seconds = seconds, ImagesPerSecond = fit.Count / seconds,
            };
            onEpoch(last);
            if (!double.IsFinite(fit.Loss))
                return Result(last, $"stopped: training loss became {fit.Loss} at epoch {epoch}");
        }
        onTrained?.Invoke(model);
        return Result(last!, "completed");
    }

    Evaluation TrainEpoch(Sequential model, optim.Optimizer optimizer, int epoch, CancellationToken cancel)
    {
        model.train();
        var order = Batches.Order(data.Train.Count, seed, epoch, shuffle: true);
        double lossSum = 0; long correct = 0; int seen = 0;
        using var batches = Batches.Of(data.Train, order, batchSize).GetEnumerator();
        while (true)
        {
            using var scope = NewDisposeScope();              // frees every tensor of this step
            if (!batches.MoveNext()) break;
            cancel.ThrowIfCancellationRequested();
            var (x, y) = batches.Current;                     // (N, C, H, W), (N)
            var logits = model.forward(x);                    // (N, classes)
            var loss = nn.functional.cross_entropy(logits, y);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            int n = (int)y.shape[0];
            lossSum += loss.item<float>() * n;
            correct += logits.argmax(1).eq(y).sum().item<long>();
            seen += n;
        }
        return new Evaluation(lossSum / seen, (double)correct / seen, seen);
    }

    public static Evaluation Evaluate(Sequential model, ImageSplit split, int batchSize)
    {
        model.eval();
        using var noGrad = no_grad();
        double lossSum = 0; long correct = 0;
        var order = Batches.Order(split.Count, 0, 0, shuffle: false);
        using var batches = Batches.Of(split, order, batchSize).GetEnumerator();
        while (true)
        {
            using var scope = NewDisposeScope();
            if (!batches.MoveNext()) break;
            var (x, y) = batches.Current;
            var logits = model.forward(x);
            lossSum += nn.functional.cross_entropy(logits, y, reduction: nn.Reduction.Sum).item<float>();
            correct += logits.argmax(1).eq(y).sum().item<long>();
        }
        return new Evaluation(lossSum / split.Count, (double)correct / split.Count, split.Count);
    }

    SeedResult Result(EpochMetrics last, string status) => new()
    {
        Seed = seed, Epochs = last.Epoch, FinalTrainLoss = last.TrainLoss,
        FinalTestLoss = last.TestLoss, FinalTestAccuracy = last.TestAccuracy, Status = status,
    };
}
