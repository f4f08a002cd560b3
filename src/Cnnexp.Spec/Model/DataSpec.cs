using Cnnexp.Spec.Binding;

namespace Cnnexp.Spec.Model;

[Section("Where the images come from and how they are batched.")]
public sealed record DataSpec : SpecNode
{
    [Field("Data set name (`cnnexp data list` shows them).", Allowed = ["synthetic", "cifar10", "cifar100", "mnist", "fashion-mnist", "imagefolder"])]
    public string Dataset { get; init; } = "synthetic";

    [Field("Examples per training batch.", Min = 1, Max = 65536)] public int BatchSize { get; init; } = 64;

    [Field("Use only the first N examples of each split (stratified), for quick studies.", Min = 1, Max = 1e9)]
    public int? Limit { get; init; }

    [Field("Hold out this fraction of the training split (stratified, the same for every seed) as a validation split.", Min = 0, Max = 0.9)]
    public double ValFraction { get; init; }

    [Field("Folder holding downloaded data sets; default: $CNNEXP_DATA, else $XDG_CACHE_HOME/cnnexp/datasets, else ~/.cache/cnnexp/datasets.")]
    public string? Root { get; init; }

    [Field("imagefolder: the folder with one subfolder per class, or with train/ and test/ holding those; relative to the spec file.")]
    public string? Path { get; init; }

    [Field("imagefolder: resize every image to `[height, width]` (or one number for a square); without it all images must have one size.", Min = 1, Max = Limits.SpecLimits.MaxSide)]
    public IntPair? Resize { get; init; }

    [Field("imagefolder: 3 to load RGB (default), 1 to load grayscale (luma).", Min = 1, Max = 3)]
    public int? Channels { get; init; }

    [Field("imagefolder without train/ and test/: fraction of each class held out as the test split (default 0.2).", Min = 0.01, Max = 0.9)]
    public double? TestFraction { get; init; }

    [Field("Per-channel normalisation of every image, training and test alike: `{ mean: [...], std: [...] }`.")]
    public Transforms.Normalize? Normalize { get; init; }

    [Field("Random augmentations applied to training images only, in order, e.g. `[random_crop: { padding: 4 }, horizontal_flip]`.")]
    public IReadOnlyList<Augmentations.AugmentSpec>? Augment { get; init; }
}
