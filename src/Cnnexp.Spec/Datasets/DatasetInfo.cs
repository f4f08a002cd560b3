using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Datasets;

/// <summary>What the planner needs to know about a data set: the shape of one image and the classes.</summary>
public sealed record DatasetInfo(string Name, Shape ImageShape, IReadOnlyList<string> Classes, string Description)
{
    public int ClassCount => Classes.Count;

    /// <summary>Images in the official training split; null when it depends on the files (image folders).</summary>
    public int? TrainCount { get; init; }

    /// <summary>Images in the official test split; null when it depends on the files.</summary>
    public int? TestCount { get; init; }

    /// <summary>Per-channel mean of the training images in [0, 1] units, for `normalize:`; null when unknown.</summary>
    public IReadOnlyList<double>? Mean { get; init; }

    /// <summary>Per-channel standard deviation of the training images in [0, 1] units; null when unknown.</summary>
    public IReadOnlyList<double>? Std { get; init; }
}
