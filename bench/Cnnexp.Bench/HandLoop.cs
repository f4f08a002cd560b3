using Cnnexp.Engine.Data;
using Cnnexp.Engine.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace Cnnexp.Bench;

/// <summary>
/// The baseline: the notebook's standard model and training loop written directly against
/// TorchSharp, with nothing cnnexp adds (no plan, no checkpoints, no metrics files, no callbacks).
/// With <c>channelsLast</c> its convolutions and flatten run in cnnexp's memory layout
/// (<see cref="ChannelsLast"/>), so the comparison isolates cnnexp's bookkeeping; without, it is
/// the loop a TorchSharp user would write.
/// </summary>
static class HandLoop
{
    /// <summary>Trains for <paramref name="epochs"/> epochs; returns each epoch's seconds: the training pass, and training + test pass.</summary>
    public static List<(double Train, double Epoch)> Train(LoadedDataset data, int seed, int epochs, bool channelsLast)
    {
        manual_seed(seed);
        var conv1 = nn.Conv2d(3, 8, 3, padding: 1);
        var conv2 = nn.Conv2d(8, 16, 3, padding: 1);
        using var model = nn.Sequential(
            channelsLast ? ChannelsLast.Use(conv1) : conv1, nn.ReLU(), channelsLast ? ChannelsLast.Use(conv2) : conv2, nn.ReLU(),
            nn.MaxPool2d(2), channelsLast ? new FlattenModule() : nn.Flatten(), nn.Linear(16 * 16 * 16, 64), nn.ReLU(), nn.Linear(64, 10));
        using var optimizer = optim.Adam(model.parameters(), 0.001);
        var times = new List<(double, double)>();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            model.train();
            var order = Batches.Order(data.Train.Count, seed, epoch, shuffle: true);
            for (int start = 0; start < order.Length; start += 64)
            {
                using var scope = NewDisposeScope();
                using var index = tensor(order.AsSpan(start, Math.Min(64, order.Length - start)).ToArray());
                var x = data.Train.Images.index_select(0, index).to_type(ScalarType.Float32).div_(255f); // (N, C, H, W)
                var y = data.Train.Labels.index_select(0, index);
                var logits = model.forward(x);
                var loss = nn.functional.cross_entropy(logits, y);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                _ = loss.item<float>();                                   // the notebook reads the loss every batch
            }
            double train = clock.Elapsed.TotalSeconds;
            model.eval();
            using (no_grad())
                for (int start = 0; start < data.Test.Count; start += 64)
                {
                    using var scope = NewDisposeScope();
                    int n = Math.Min(64, data.Test.Count - start);
                    var x = data.Test.Images.narrow(0, start, n).to_type(ScalarType.Float32).div_(255f);
                    _ = model.forward(x).argmax(1).eq(data.Test.Labels.narrow(0, start, n)).sum().item<long>();
                }
            times.Add((train, clock.Elapsed.TotalSeconds));
        }
        return times;
    }
}
