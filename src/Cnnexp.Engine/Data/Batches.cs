using static TorchSharp.torch;

namespace Cnnexp.Engine.Data;

/// <summary>One batch: float images scaled to [0, 1] (N, C, H, W) and labels (N).</summary>
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
    /// batch is kept, as PyTorch's DataLoader does by default.
    /// </summary>
    public static IEnumerable<Batch> Of(ImageSplit split, long[] order, int batchSize)
    {
        for (int start = 0; start < order.Length; start += batchSize)
        {
            int n = Math.Min(batchSize, order.Length - start);
            using var index = tensor(order.AsSpan(start, n).ToArray());
            var images = split.Images.index_select(0, index).to_type(ScalarType.Float32).div_(255f); // (N, C, H, W)
            var labels = split.Labels.index_select(0, index);                                        // (N)
            yield return new Batch(images, labels);
        }
    }
}
