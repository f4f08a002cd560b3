using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Datasets;

namespace Cnnexp.Spec.Model;

[Section("Where the images come from and how they are batched.")]
public sealed record DataSpec : SpecNode
{
    [Field("Data set name.", Allowed = ["synthetic", "cifar10"])]
    public string Dataset { get; init; } = "synthetic";

    [Field("Examples per training batch.", Min = 1)] public int BatchSize { get; init; } = 64;

    [Field("Use only the first N examples of each split (stratified), for quick studies.", Min = 1)]
    public int? Limit { get; init; }

    [Field("Folder holding downloaded data sets; default: $CNNEXP_DATA or ~/.cache/cnnexp/datasets.")]
    public string? Root { get; init; }

    [Field("Per-channel normalisation of every image, training and test alike: `{ mean: [...], std: [...] }`.")]
    public Transforms.Normalize? Normalize { get; init; }

    [Field("Random augmentations applied to training images only, in order, e.g. `[random_crop: { padding: 4 }, horizontal_flip]`.")]
    public IReadOnlyList<Augmentations.AugmentSpec>? Augment { get; init; }

    public DatasetInfo Info => DatasetCatalog.Find(Dataset) ?? DatasetCatalog.Synthetic;
}
