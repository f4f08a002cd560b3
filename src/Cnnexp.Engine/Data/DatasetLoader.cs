using Cnnexp.Spec.Datasets;
using Cnnexp.Spec.Model;

namespace Cnnexp.Engine.Data;

/// <summary>Loads the data set a spec names into memory, applying `limit`.</summary>
public static class DatasetLoader
{
    /// <summary>Seed of the built-in synthetic set: fixed, so every run sees the same images.</summary>
    const int SyntheticSeed = 20_26;

    public static LoadedDataset Load(DataSpec data)
    {
        var info = DatasetCatalog.Find(data.Dataset)
                   ?? throw new DataException($"unknown data set `{data.Dataset}`");
        var (train, test) = data.Dataset switch
        {
            "synthetic" => (SyntheticData.Generate(SyntheticData.TrainCount, SyntheticSeed),
                            SyntheticData.Generate(SyntheticData.TestCount, SyntheticSeed + 1)),
            _ => throw new DataException($"data set `{data.Dataset}` cannot be loaded by this version of cnnexp"),
        };
        if (data.Limit is int limit)
        {
            train = Limit(train, limit, info.ClassCount);
            test = Limit(test, limit, info.ClassCount);
        }
        return new LoadedDataset(info, train, test);
    }

    static ImageSplit Limit(ImageSplit split, int limit, int classes)
    {
        var limited = split.Stratified(limit, classes);
        if (!ReferenceEquals(limited, split)) split.Dispose();
        return limited;
    }
}
