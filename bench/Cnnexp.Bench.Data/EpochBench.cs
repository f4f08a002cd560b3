using Cnnexp.Engine.Data;
using Cnnexp.Engine.Data.Augmentation;
using static TorchSharp.torch;

namespace Cnnexp.Bench.Data;

/// <summary>A full epoch of training batches without a model: index, convert, normalise, augment — what the trainer asks of the data path.</summary>
static class EpochBench
{
    static readonly Normalization Cifar10 = new([0.4914, 0.4822, 0.4465], [0.2470, 0.2435, 0.2616]);

    public static IEnumerable<Measure> Run(ImageSplit train, int batchSize, int runs)
    {
        using var normalised = train.WithNormalization(Cifar10);
        var augmenter = new Augmenter([new RandomCropOp(4), new HorizontalFlipOp(0.5)]);
        int epoch = 0;
        yield return Measure.Median($"epoch, batch {batchSize}: index + convert to [0, 1]", runs, train.Count,
            () => Drain(train, ++epoch, batchSize, null));
        yield return Measure.Median($"epoch, batch {batchSize}: + normalise", runs, train.Count,
            () => Drain(normalised, ++epoch, batchSize, null));
        yield return Measure.Median($"epoch, batch {batchSize}: + random crop (padding 4) + flip", runs, train.Count,
            () => Drain(normalised, ++epoch, batchSize, augmenter.ForEpoch(0, epoch)));
    }

    /// <summary>Consumes an epoch the way the trainer does: one dispose scope per batch, a value read so nothing is skipped.</summary>
    static void Drain(ImageSplit split, int epoch, int batchSize, BatchAugmenter? augment)
    {
        var order = Batches.Order(split.Count, 0, epoch, shuffle: true);
        using var batches = Batches.Of(split, order, batchSize, augment).GetEnumerator();
        double sink = 0;
        while (true)
        {
            using var scope = NewDisposeScope();
            if (!batches.MoveNext()) break;
            sink += batches.Current.Images[0, 0, 0, 0].item<float>();
        }
        if (double.IsNaN(sink)) throw new InvalidOperationException("NaN in a batch");
    }
}
