using TorchSharp;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Data;

/// <summary>
/// One split of a data set held in memory: images as one uint8 tensor (N, C, H, W) and labels
/// as int64 (N). Batches are taken by index; conversion to float (and <see cref="Normalization"/>)
/// happens per batch.
/// </summary>
public sealed class ImageSplit : IDisposable
{
    public ImageSplit(Tensor images, Tensor labels)
    {
        if (images.dtype != ScalarType.Byte || images.dim() != 4)
            throw new ArgumentException($"images must be uint8 (N, C, H, W), got {images.dtype} {string.Join("x", images.shape)}");
        if (labels.dtype != ScalarType.Int64 || labels.dim() != 1 || labels.shape[0] != images.shape[0])
            throw new ArgumentException("labels must be int64 (N) with one label per image");
        Images = images.DetachFromDisposeScope();
        Labels = labels.DetachFromDisposeScope();
    }

    public Tensor Images { get; }   // (N, C, H, W) uint8
    public Tensor Labels { get; }   // (N) int64
    public int Count => (int)Images.shape[0];

    /// <summary>Per-channel normalisation applied to every batch; null: pixels scaled to [0, 1].</summary>
    public Normalization? Normalization { get; private init; }

    /// <summary>
    /// The same images with <paramref name="normalization"/>: new tensor handles on the same memory,
    /// so either split may be disposed without invalidating the other.
    /// </summary>
    public ImageSplit WithNormalization(Normalization? normalization) => new(Images.alias(), Labels.alias()) { Normalization = normalization };

    /// <summary>The examples at <paramref name="indices"/>, in that order, as a new split (same normalisation).</summary>
    public ImageSplit Select(long[] indices)
    {
        using var scope = NewDisposeScope();
        var index = tensor(indices);
        return new ImageSplit(Images.index_select(0, index), Labels.index_select(0, index)) { Normalization = Normalization };
    }

    /// <summary>The first <paramref name="limit"/> examples, taking classes in turn so every class keeps its share.</summary>
    public ImageSplit Stratified(int limit, int classes)
    {
        if (limit >= Count) return this;
        var labels = Labels.data<long>().ToArray();
        var perClass = Enumerable.Range(0, classes).Select(c => new Queue<long>(
            Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).Select(i => (long)i))).ToArray();
        var chosen = new List<long>(limit);
        while (chosen.Count < limit)
            foreach (var q in perClass)
                if (chosen.Count < limit && q.Count > 0) chosen.Add(q.Dequeue());
        chosen.Sort();
        return Select([.. chosen]);
    }

    /// <summary>uint8 images (N, C, H, W) → float32 model input (N, C, H, W): normalised, or scaled to [0, 1].</summary>
    public Tensor ToInput(Tensor pixels) =>
        Normalization is { } n ? n.Apply(pixels) : pixels.to_type(ScalarType.Float32).div_(255f);

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
