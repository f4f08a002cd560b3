using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Datasets;

/// <summary>The data sets cnnexp knows, as metadata only (loading lives in the engine).</summary>
public static class DatasetCatalog
{
    /// <summary>The `dataset:` value for a folder of images with one subfolder per class.</summary>
    public const string ImageFolder = "imagefolder";

    /// <summary>Built in, generated in memory: 5 shapes x 2 colour families of equal brightness.</summary>
    public static readonly DatasetInfo Synthetic = new("synthetic", Shape.Image(3, 32, 32),
        ["bars-warm", "stripes-warm", "ring-warm", "cross-warm", "checker-warm",
         "bars-cool", "stripes-cool", "ring-cool", "cross-cool", "checker-cool"],
        "Built-in, generated in memory: 10 classes, 5 shapes x 2 colour families whose R+G+B sums match, so only colour tells the pairs apart.")
    { TrainCount = 10_000, TestCount = 2_000 };

    // Means and standard deviations: the per-channel statistics of the official training images.
    public static readonly DatasetInfo Cifar10 = new("cifar10", Shape.Image(3, 32, 32), DatasetClasses.Cifar10,
        "CIFAR-10: 60,000 32x32 colour images in 10 classes (Krizhevsky 2009), official binary release.")
    { TrainCount = 50_000, TestCount = 10_000, Mean = [0.4914, 0.4822, 0.4465], Std = [0.2470, 0.2435, 0.2616] };

    public static readonly DatasetInfo Cifar100 = new("cifar100", Shape.Image(3, 32, 32), DatasetClasses.Cifar100,
        "CIFAR-100: 60,000 32x32 colour images in 100 fine classes (Krizhevsky 2009), official binary release.")
    { TrainCount = 50_000, TestCount = 10_000, Mean = [0.5071, 0.4865, 0.4409], Std = [0.2673, 0.2564, 0.2762] };

    public static readonly DatasetInfo Mnist = new("mnist", Shape.Image(1, 28, 28), DatasetClasses.Digits,
        "MNIST: 70,000 28x28 grayscale handwritten digits (LeCun et al.), official IDX files.")
    { TrainCount = 60_000, TestCount = 10_000, Mean = [0.1307], Std = [0.3081] };

    public static readonly DatasetInfo FashionMnist = new("fashion-mnist", Shape.Image(1, 28, 28), DatasetClasses.FashionMnist,
        "Fashion-MNIST: 70,000 28x28 grayscale images of clothing in 10 classes (Zalando Research), official IDX files.")
    { TrainCount = 60_000, TestCount = 10_000, Mean = [0.2860], Std = [0.3530] };

    /// <summary>The data sets with fixed contents (image folders are described from their files).</summary>
    public static IReadOnlyList<DatasetInfo> All { get; } = [Synthetic, Cifar10, Cifar100, Mnist, FashionMnist];

    /// <summary>Every value `dataset:` accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(d => d.Name), ImageFolder];

    public static DatasetInfo? Find(string name) => All.FirstOrDefault(d => d.Name == name);

    /// <summary>
    /// The data set a spec's `data:` section describes, after its cross-field rules: a catalog entry,
    /// or for an image folder the classes and image shape read from the folder. Null when it cannot
    /// be described; the reason is in <paramref name="diagnostics"/>.
    /// </summary>
    public static DatasetInfo? Describe(DataSpec data, DiagnosticBag diagnostics)
    {
        DataRules.Check(data, diagnostics);
        var info = data.Dataset == ImageFolder ? ImageFolderInfo.Describe(data, diagnostics) : Find(data.Dataset);
        if (info is null && data.Dataset != ImageFolder)
            diagnostics.Error("unknown-dataset", $"unknown data set `{data.Dataset}`", data.SpanOf("dataset"));
        if (info is not null) DataRules.CheckAgainst(data, info, diagnostics);
        return info;
    }
}
