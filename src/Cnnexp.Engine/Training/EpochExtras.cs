using Cnnexp.Results;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Training;

/// <summary>
/// The columns an epoch's row gets beyond the built-in ones: custom metrics on the test split and, when
/// the spec holds one out, the validation split (the logits of the evaluation passes are collected, so
/// no second pass is needed), and reviewers' values.
/// </summary>
sealed class EpochExtras(IReadOnlyList<CustomMetric> metrics)
{
    readonly List<float> logits = [];
    readonly List<long> labels = [];
    int classes;

    /// <summary>Null when there are no custom metrics: evaluation then collects nothing.</summary>
    public static EpochExtras? For(TrainingCallbacks callbacks) => callbacks.Metrics.Count > 0 ? new EpochExtras(callbacks.Metrics) : null;

    /// <summary>Called by the evaluator with each batch's (N, classes) logits and (N) labels.</summary>
    public void Observe(Tensor batchLogits, Tensor batchLabels)
    {
        classes = (int)batchLogits.shape[1];
        logits.AddRange(batchLogits.cpu().to_type(ScalarType.Float32).data<float>());
        labels.AddRange(batchLabels.cpu().data<long>());
    }

    /// <summary>Each metric over the whole split, as test_NAME; the collected logits are then dropped.</summary>
    public Dictionary<string, double> Compute(string split)
    {
        using var scope = NewDisposeScope();
        var all = tensor(logits.ToArray(), [labels.Count, classes]);   // (N, classes)
        var y = tensor(labels.ToArray());                                // (N)
        var values = metrics.ToDictionary(m => $"{split}_{m.Name}", m => m.Compute(all, y));
        logits.Clear();
        labels.Clear();
        return values;
    }

    /// <summary><paramref name="m"/> with the custom metrics and the reviewer's values added to its extra columns.</summary>
    public static EpochMetrics Complete(EpochMetrics m, EpochExtras? test, EpochExtras? validation, TrainingCallbacks callbacks, int epochs,
        TorchSharp.Modules.Sequential model)
    {
        var columns = new Dictionary<string, double>(m.Extra);
        foreach (var (k, v) in test?.Compute("test") ?? []) columns[k] = v;
        foreach (var (k, v) in validation?.Compute("val") ?? []) columns[k] = v;
        m = m with { Extra = columns };
        foreach (var (k, v) in callbacks.Review?.Invoke(new EpochReview(m, epochs, model)) ?? new Dictionary<string, double>())
        {
            if (MetricsCsv.IsBuiltin(k)) throw new InvalidOperationException($"`{k}` is a built-in column of metrics.csv; record values under another name");
            columns[k] = v;
        }
        return m with { Extra = columns };
    }
}
