using Cnnexp.Engine.Data.Augmentation;
using Cnnexp.Engine.Data.ImageFolders;
using Cnnexp.Engine.Data.Import;
using Cnnexp.Engine.Data.Sources;
using Cnnexp.Spec.Datasets;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Model;

namespace Cnnexp.Engine.Data;

/// <summary>
/// Loads the data set a spec names into memory: fetches and verifies its files if needed, reads
/// the official splits, then applies `limit`, `val_fraction`, `normalize` and `augment`.
/// </summary>
public static class DatasetLoader
{
    /// <summary>Seed of the built-in synthetic set: fixed, so every run sees the same images.</summary>
    const int SyntheticSeed = 20_26;

    /// <summary>Salt of the fixed shuffle that picks the validation examples.</summary>
    const int ValidationSalt = 0x7a1d;

    public static LoadedDataset Load(DataSpec data, DataOptions? options = null, CancellationToken cancel = default)
    {
        options ??= new DataOptions();
        var info = Describe(data);
        var splits = Read(data, info, DataRoot.Resolve(data, options), options, cancel);
        var (train, test) = (splits.Train, splits.Test);
        if (data.Limit is int limit)
        {
            train = Replace(train, train.Stratified(limit, info.ClassCount));
            test = Replace(test, test.Stratified(limit, info.ClassCount));
        }
        ImageSplit? validation = null;
        if (data.ValFraction > 0)
        {
            using var all = train;
            (train, validation) = Holdout.Split(all, data.ValFraction, ValidationSalt);
        }
        var normalization = Normalization.From(data.Normalize, info.ImageShape.C);
        return new LoadedDataset(info, Normalised(train, normalization), Normalised(test, normalization))
        {
            Validation = validation is null ? null : Normalised(validation, normalization),
            Augmenter = Augmenter.From(data.Augment),
            Location = splits.Location,
        };
    }

    /// <summary>The data set's description (for an image folder, read from the folder); bad settings become a <see cref="DataException"/>.</summary>
    public static DatasetInfo Describe(DataSpec data)
    {
        var diagnostics = new DiagnosticBag();
        var info = DatasetCatalog.Describe(data, diagnostics);
        if (diagnostics.HasErrors || info is null)
            throw new DataException(string.Join(Environment.NewLine,
                diagnostics.Items.Where(d => d.IsError).Select(d => d.Hint is null ? d.Message : $"{d.Message} ({d.Hint})")));
        return info;
    }

    static LoadedSplits Read(DataSpec data, DatasetInfo info, string root, DataOptions options, CancellationToken cancel)
    {
        if (data.Dataset == DatasetCatalog.Synthetic.Name)
            return new LoadedSplits(SyntheticData.Generate(SyntheticData.TrainCount, SyntheticSeed),
                SyntheticData.Generate(SyntheticData.TestCount, SyntheticSeed + 1), null);
        if (data.Dataset == DatasetCatalog.ImageFolder)
            return ImageFolderLoader.Load(data, info, root, options);
        var source = DatasetSources.Find(data.Dataset)
                     ?? throw new DataException($"data set `{data.Dataset}` cannot be loaded by this version of cnnexp");
        var splits = source.Load(root, options, cancel);
        if (source == CifarSource.Cifar10 && Cifar10Import.IsImported(root))
            options.Log?.Invoke("note: this CIFAR-10 was converted from images by `cnnexp data import-cifar10` (see cnnexp-import.txt); " +
                                "JPEG sources make its pixels differ slightly from the official release");
        return splits;
    }

    static ImageSplit Normalised(ImageSplit split, Normalization? normalization)
    {
        using (split) return split.WithNormalization(normalization);
    }

    /// <summary>Disposes <paramref name="old"/> when <paramref name="next"/> is a new split.</summary>
    static ImageSplit Replace(ImageSplit old, ImageSplit next)
    {
        if (!ReferenceEquals(old, next)) old.Dispose();
        return next;
    }
}
