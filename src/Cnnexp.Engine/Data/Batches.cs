using Cnnexp.Engine.Data.Augmentation;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Data;

/// <summary>One batch: float images (N, C, H, W) — normalised if the split says so, else in [0, 1] — and labels (N).</summary>
public readonly record struct Batch(Tensor Images, Tensor Labels);

/// <summary>Batches of a split by index, in an order drawn from a seeded generator.</summary>
public static class Batches
{
    /// <summary>
    /// The shuffled order for one epoch. The generator is seeded from (seed, epoch) so every model
    /// of a seed sees the same data order (a paired design) and a resumed run sees what it would have.
    /// </summary>
    public static long[] Order(int count, int seed, int epoch, bool shuffle)
    {
        if (!shuffle) return Enumerable.Range(0, count).Select(i => (long)i).ToArray();
        var rng = new Random(Seeds.Mix(seed, epoch, 0x5eed));
        var order = Enumerable.Range(0, count).Select(i => (long)i).ToArray();
        rng.Shuffle(order);
        return order;
    }

    /// <summary>
    /// Yields batches; the caller disposes them (one dispose scope per batch). The last, smaller
    /// batch is kept, as PyTorch's DataLoader does by default. Each batch is indexed from the
    /// split's uint8 tensor, augmented on uint8 when <paramref name="augment"/> is given (training
    /// only), then converted and normalised as the split says.
    /// </summary>
    public static IEnumerable<Batch> Of(ImageSplit split, long[] order, int batchSize, BatchAugmenter? augment = null)
    {
        for (int start = 0, batch = 0; start < order.Length; start += batchSize, batch++)
        {
            int n = Math.Min(batchSize, order.Length - start);
            using var index = tensor(order.AsSpan(start, n).ToArray());
            using var pixels = split.Images.index_select(0, index);                   // (N, C, H, W) uint8
            using var augmented = augment?.Apply(pixels, batch);                      // (N, C, H, W) uint8
            var images = split.ToInput(augmented ?? pixels);                          // (N, C, H, W) float32
            var labels = split.Labels.index_select(0, index);                         // (N)
            yield return new Batch(images, labels);
        }
    }
}
