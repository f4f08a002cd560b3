using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Datasets;

/// <summary>The data sets cnnexp knows, as metadata only (loading lives in the engine).</summary>
public static class DatasetCatalog
{
    static readonly string[] Cifar10Classes =
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    /// <summary>Built in, generated in memory: 5 shapes x 2 colour families of equal brightness.</summary>
    public static readonly DatasetInfo Synthetic = new("synthetic", Shape.Image(3, 32, 32),
        ["bars-warm", "stripes-warm", "ring-warm", "cross-warm", "checker-warm",
         "bars-cool", "stripes-cool", "ring-cool", "cross-cool", "checker-cool"],
        "Built-in, generated in memory: 10 classes, 5 shapes x 2 colour families whose R+G+B sums match, so only colour tells the pairs apart.");

    public static readonly DatasetInfo Cifar10 = new("cifar10", Shape.Image(3, 32, 32), Cifar10Classes,
        "CIFAR-10: 60,000 32x32 colour images in 10 classes.");

    public static IReadOnlyList<DatasetInfo> All { get; } = [Synthetic, Cifar10];

    public static DatasetInfo? Find(string name) => All.FirstOrDefault(d => d.Name == name);
}
