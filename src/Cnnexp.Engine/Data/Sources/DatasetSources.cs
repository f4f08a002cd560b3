namespace Cnnexp.Engine.Data.Sources;

/// <summary>The registry of data sets published as files: name → source.</summary>
public static class DatasetSources
{
    public static IReadOnlyList<DatasetSource> All { get; } =
        [CifarSource.Cifar10, CifarSource.Cifar100, IdxSource.Mnist, IdxSource.FashionMnist];

    public static DatasetSource? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
