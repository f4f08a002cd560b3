using Cnnexp.Engine.Data.Downloads;
using Cnnexp.Spec.Datasets;

namespace Cnnexp.Engine.Data.Sources;

/// <summary>
/// A data set published as files: what to download, how to check and unpack it, and how to read
/// it into memory. Files live in ROOT/NAME/ (ROOT is the data cache folder).
/// </summary>
public abstract record DatasetSource
{
    public required DatasetInfo Info { get; init; }
    public string Name => Info.Name;

    /// <summary>The official files, as a user behind a firewall would download them by hand.</summary>
    public abstract IReadOnlyList<RemoteFile> Files { get; }

    public string FolderIn(string root) => Path.Combine(root, Name);

    /// <summary>Where the data set can be loaded from without downloading; null when it must be fetched.</summary>
    public abstract string? FindLocal(string root, DataOptions options);

    /// <summary>Makes the files loadable: downloads what is missing, checks MD5 sums, unpacks archives.</summary>
    public abstract Task PrepareAsync(string root, DataOptions options, CancellationToken cancel = default);

    /// <summary>Reads the prepared files into memory, checking every size and label.</summary>
    public abstract LoadedSplits Read(string root, DataOptions options);

    /// <summary>Prepare, then read.</summary>
    public LoadedSplits Load(string root, DataOptions options, CancellationToken cancel = default)
    {
        PrepareAsync(root, options, cancel).GetAwaiter().GetResult();
        return Read(root, options);
    }

    /// <summary>Downloads <paramref name="missing"/> into the data set's folder, or explains how to place them by hand.</summary>
    protected async Task FetchAsync(IReadOnlyList<RemoteFile> missing, string root, DataOptions options, CancellationToken cancel, string? alternative = null)
    {
        if (missing.Count == 0) return;
        if (!options.Download)
            throw Offline(missing, root, "downloads are off (CNNEXP_OFFLINE)", alternative);
        foreach (var file in missing)
        {
            try { await Downloader.FetchAsync(file, FolderIn(root), options, cancel); }
            catch (DownloadFailedException e) { throw Offline(missing, root, string.Join("; ", e.Failures), alternative); }
        }
    }

    /// <summary>The message for a machine that cannot download: which files, from where, to which folder.</summary>
    protected DataException Offline(IReadOnlyList<RemoteFile> missing, string root, string why, string? alternative)
    {
        var lines = new List<string>
        {
            $"{Name} is not in the data cache and could not be downloaded ({why}).",
            "To install it by hand, download",
        };
        lines.AddRange(missing.Select(f => $"  {f.Urls[0]}  ({DataErrors.N(f.Size)} bytes, MD5 {f.Md5})"));
        lines.Add(missing.Count == 1 ? "and place it in" : "and place them in");
        lines.Add($"  {FolderIn(root)}{Path.DirectorySeparatorChar}");
        if (alternative is not null) lines.Add(alternative);
        lines.Add($"cnnexp checks the MD5 when it next loads {Name}. `data.root` or $CNNEXP_DATA choose another cache folder.");
        return new DataException(string.Join(Environment.NewLine, lines));
    }
}
