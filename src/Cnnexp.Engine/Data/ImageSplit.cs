using TorchSharp;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Data;

/// <summary>
/// One split of a data set held in memory: images as one uint8 tensor (N, C, H, W) and labels
/// as int64 (N). Batches are taken by index; conversion to float happens per batch.
/// </summary>
public sealed class ImageSplit : IDisposable
{
    public ImageSplit(Tensor images, Tensor labels)
    {
        if (images.dtype != ScalarType.Byte || images.dim() != 4)
            throw new ArgumentException($"images must be uint8 (N, C, H, W), got {images.dtype} {string.Join("x", images.shape)}");
        if (labels.dtype != ScalarType.Int64 || labels.shape[0] != images.shape[0])
            throw new ArgumentException("labels must be int64 (N) with one label per image");
        Images = images.DetachFromDisposeScope();
        Labels = labels.DetachFromDisposeScope();
    }

    public Tensor Images { get; }   // (N, C, H, W) uint8
    public Tensor Labels { get; }   // (N) int64
    public int Count => (int)Images.shape[0];

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
        using var scope = NewDisposeScope();
        var index = tensor(chosen.ToArray());
        return new ImageSplit(Images.index_select(0, index), Labels.index_select(0, index));
    }

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
