using Cnnexp.Spec.Datasets;

namespace Cnnexp.Engine.Data;

/// <summary>A data set in memory: its description and its splits.</summary>
public sealed class LoadedDataset(DatasetInfo info, ImageSplit train, ImageSplit test) : IDisposable
{
    public DatasetInfo Info { get; } = info;
    public ImageSplit Train { get; } = train;
    public ImageSplit Test { get; } = test;

    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
