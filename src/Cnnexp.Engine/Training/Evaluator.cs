using Cnnexp.Engine.Data;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Training;

/// <summary>Evaluation passes: loss and accuracy, and the confusion matrix.</summary>
public static class Evaluator
{
    /// <param name="observe">Sees each batch's logits (N, classes) and labels (N), e.g. for custom metrics.</param>
    public static Evaluation Evaluate(Sequential model, ImageSplit split, int batchSize, Device device, Action<Tensor, Tensor>? observe = null)
    {
        double lossSum = 0; long correct = 0;
        ForEachBatch(model, split, batchSize, device, (logits, y) =>
        {
            observe?.Invoke(logits, y);
            lossSum += nn.functional.cross_entropy(logits, y, reduction: nn.Reduction.Sum).item<float>();
            correct += logits.argmax(1).eq(y).sum().item<long>();
        });
        return new Evaluation(lossSum / split.Count, (double)correct / split.Count, split.Count);
    }

    /// <summary>[true class][predicted class] counts over the split.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Confusion(Sequential model, ImageSplit split, int batchSize, Device device, int classes)
    {
        var counts = new long[classes * classes];
        ForEachBatch(model, split, batchSize, device, (logits, y) =>
        {
            var cells = (y * classes + logits.argmax(1)).cpu();                    // (N) flat cell index
            var add = bincount(cells, minlength: classes * classes).data<long>().ToArray();
            for (int i = 0; i < counts.Length; i++) counts[i] += add[i];
        });
        return Enumerable.Range(0, classes)
            .Select(t => (IReadOnlyList<int>)Enumerable.Range(0, classes).Select(p => (int)counts[t * classes + p]).ToList())
            .ToList();
    }

    public static IReadOnlyList<double> PerClass(IReadOnlyList<IReadOnlyList<int>> confusion) =>
        confusion.Select((row, c) => row.Sum() == 0 ? double.NaN : (double)row[c] / row.Sum()).ToList();

    static void ForEachBatch(Sequential model, ImageSplit split, int batchSize, Device device, Action<Tensor, Tensor> use)
    {
        model.eval();
        using var noGrad = no_grad();
        var order = Batches.Order(split.Count, 0, 0, shuffle: false);
        using var batches = Batches.Of(split, order, batchSize).GetEnumerator();
        while (true)
        {
            using var scope = NewDisposeScope();
            if (!batches.MoveNext()) break;
            var y = batches.Current.Labels.to(device);
            use(Modules.Autocast.ToFloat(model.forward(batches.Current.Images.to(device))), y);   // (N, classes) fp32, (N)
        }
    }
}
