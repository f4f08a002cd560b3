using Cnnexp.Engine.Data;
using Cnnexp.Engine.Data.Downloads;
using Cnnexp.Engine.Data.Import;
using Cnnexp.Engine.Data.Sources;
using Cnnexp.Engine.Host;
using Cnnexp.Engine.Native;
using Cnnexp.Spec.Datasets;

namespace Cnnexp;

/// <summary>Where data sets are kept and fetched from; every field has a default.</summary>
public sealed record DataSettings
{
    /// <summary>The data cache folder; null: $CNNEXP_DATA, else ~/.cache/cnnexp/datasets.</summary>
    public string? Root { get; init; }

    /// <summary>A base URL serving the official file names, instead of the official addresses; null: $CNNEXP_DATA_MIRROR, else none.</summary>
    public string? Mirror { get; init; }

    /// <summary>Download progress per file; null for none.</summary>
    public IProgress<DownloadStatus>? Progress { get; init; }

    /// <summary>One line per step worth telling (downloading, verifying, decoding); null for silence.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>The environment's settings; null: read when a method is called.</summary>
    public HostSettings? Host { get; init; }

    internal DataOptions Options()
    {
        var options = (Host ?? HostSettings.FromEnvironment()).Data with
        {
            Log = Log,
            Progress = Progress is { } progress ? new Progress(p => progress.Report(new DownloadStatus(p.File, p.Received, p.Total))) : null,
        };
        if (Root is not null) options = options with { Root = Root };
        if (Mirror is not null) options = options with { Mirror = Mirror };
        return options;
    }
}

/// <summary>How far a file's download has got: <paramref name="Total"/> is null when the server does not say.</summary>
public readonly record struct DownloadStatus(string File, long Received, long? Total);

/// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/> (downloads report from their own).</summary>
file sealed class Progress(Action<DownloadProgress> report) : IProgress<DownloadProgress>
{
    public void Report(DownloadProgress value) => report(value);
}

/// <summary>A data set cnnexp knows, and where it is on this machine (null: not here).</summary>
public sealed record DataSetStatus(DatasetInfo Info, string? Location);

/// <summary>A data set fetched and read back once: its image counts and where it is.</summary>
public sealed record FetchedDataSet(string Name, int TrainCount, int TestCount, Spec.Planning.Shape ImageShape, string? Location, string? SystemCopy);

/// <summary>
/// The data cache from C# and F#, as `cnnexp data list|fetch|import-cifar10` use it: which data sets
/// are here, fetching one (download, verify, unpack, read back), importing CIFAR-10 from images.
/// </summary>
public static class DataSets
{
    /// <summary>The cache folder the settings name.</summary>
    public static string CacheRoot(DataSettings? settings = null) => DataRoot.Resolve(null, (settings ?? new()).Options());

    /// <summary>Every downloadable and built-in data set, with where it is on this machine.</summary>
    public static IReadOnlyList<DataSetStatus> List(DataSettings? settings = null)
    {
        var options = (settings ?? new()).Options();
        string root = DataRoot.Resolve(null, options);
        return DatasetCatalog.All.Select(info => new DataSetStatus(info,
            info == DatasetCatalog.Synthetic ? "built in" : DatasetSources.Find(info.Name)?.FindLocal(root, options))).ToList();
    }

    /// <summary>Names <see cref="FetchAsync"/> takes.</summary>
    public static IReadOnlyList<string> Fetchable => DatasetSources.All.Select(s => s.Name).ToList();

    /// <summary>
    /// Downloads (or finds in a system package), verifies and unpacks a data set, then reads it once to check it.
    /// </summary>
    /// <exception cref="DataException">An unknown name, a failed download or a damaged file (a located message).</exception>
    public static async Task<FetchedDataSet> FetchAsync(string name, DataSettings? settings = null, CancellationToken cancel = default)
    {
        var source = DatasetSources.Find(name)
                     ?? throw new DataException($"unknown data set `{name}`; known: {string.Join(", ", Fetchable)}");
        var options = (settings ?? new()).Options();
        string root = DataRoot.Resolve(null, options);
        string? system = source.FindLocal(root, options) is { } local && !local.StartsWith(root, StringComparison.Ordinal) ? local : null;
        await source.PrepareAsync(root, options, cancel);
        NativeRuntime.EnsureLoaded();
        var splits = source.Read(root, options);
        using (splits.Train)
        using (splits.Test)
            return new FetchedDataSet(source.Name, splits.Train.Count, splits.Test.Count, source.Info.ImageShape, splits.Location, system);
    }

    /// <summary>CIFAR-10 from a folder or .tar.gz of train/CLASS/*.jpg and test/CLASS/*.jpg into the cache's binary layout; returns the folder.</summary>
    /// <exception cref="DataException">The source is not CIFAR-10's 50,000 + 10,000 32x32 images (a located message).</exception>
    public static string ImportCifar10(string source, DataSettings? settings = null, bool replace = false)
    {
        var options = (settings ?? new()).Options();
        NativeRuntime.EnsureLoaded();
        return Cifar10Import.Run(source, DataRoot.Resolve(null, options), options, replace);
    }
}
