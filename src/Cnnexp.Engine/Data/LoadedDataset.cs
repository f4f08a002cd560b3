using Cnnexp.Engine.Data.Augmentation;
using Cnnexp.Spec.Datasets;

namespace Cnnexp.Engine.Data;

/// <summary>A data set in memory: its description, its splits and the training augmentation.</summary>
public sealed class LoadedDataset(DatasetInfo info, ImageSplit train, ImageSplit test) : IDisposable
{
    public DatasetInfo Info { get; } = info;
    public ImageSplit Train { get; } = train;
    public ImageSplit Test { get; } = test;

    /// <summary>Held out of the training split by `val_fraction`; null when it is 0.</summary>
    public ImageSplit? Validation { get; init; }

    /// <summary>`data.augment` as batch operations; null when none.</summary>
    public Augmenter? Augmenter { get; init; }

    /// <summary>Where the files came from (a folder), or null for the built-in set.</summary>
    public string? Location { get; init; }

    /// <summary>What to pass to <see cref="Batches.Of"/> for a training epoch: null when there is no augmentation.</summary>
    public BatchAugmenter? Augment(int seed, int epoch) => Augmenter?.ForEpoch(seed, epoch);

    /// <summary>One line for the run log: counts, shape and origin.</summary>
    public string Describe() =>
        $"{Info.Name}: {DataErrors.N(Train.Count)} training" +
        (Validation is { } v ? $", {DataErrors.N(v.Count)} validation" : "") +
        $" and {DataErrors.N(Test.Count)} test images of {Info.ImageShape}" +
        (Location is { } l ? $" from {l}" : "") +
        (Train.Normalization is { } n ? $"; normalised with mean [{Join(n.Mean)}], std [{Join(n.Std)}]" : "") +
        (Augmenter is { } a ? $"; training augmentation: {string.Join(", ", a.Ops)}" : "");

    static string Join(IEnumerable<double> values) =>
        string.Join(", ", values.Select(v => v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)));

    public void Dispose()
    {
        Train.Dispose();
        Validation?.Dispose();
        Test.Dispose();
    }
}
