using Cnnexp.Engine.Data.Downloads;
using Cnnexp.Engine.Data.Formats;
using Cnnexp.Spec.Datasets;

namespace Cnnexp.Engine.Data.Sources;

/// <summary>
/// CIFAR-10 or CIFAR-100 from the official binary archive: ROOT/NAME/ARCHIVE is checked against
/// its published MD5 and unpacked (safely, into a temporary folder renamed when complete) to
/// ROOT/NAME/FOLDER, which is what is read. A FOLDER placed by hand is read as it is.
/// </summary>
public sealed record CifarSource : DatasetSource
{
    public required RemoteFile Archive { get; init; }
    /// <summary>The folder the archive unpacks to, e.g. <c>cifar-10-batches-bin</c>.</summary>
    public required string Folder { get; init; }
    public required IReadOnlyList<string> TrainFiles { get; init; }
    public required string TestFile { get; init; }
    /// <summary>Label bytes per record (1 for CIFAR-10; 2, coarse then fine, for CIFAR-100).</summary>
    public int LabelBytes { get; init; } = 1;
    /// <summary>Which label byte is the label (CIFAR-100: 1, the fine label).</summary>
    public int LabelIndex { get; init; }

    public static CifarSource Cifar10 { get; } = new()
    {
        Info = DatasetCatalog.Cifar10,
        Archive = new RemoteFile("cifar-10-binary.tar.gz", ["https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"],
            "c32a1d4ab5d03f1284b67883e8d87530", 170_052_171),
        Folder = "cifar-10-batches-bin",
        TrainFiles = [.. Enumerable.Range(1, 5).Select(i => $"data_batch_{i}.bin")],
        TestFile = "test_batch.bin",
    };

    public static CifarSource Cifar100 { get; } = new()
    {
        Info = DatasetCatalog.Cifar100,
        Archive = new RemoteFile("cifar-100-binary.tar.gz", ["https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz"],
            "03b5dce01913d631647c71ecec9e9cb8", 168_513_733),
        Folder = "cifar-100-binary",
        TrainFiles = ["train.bin"],
        TestFile = "test.bin",
        LabelBytes = 2,
        LabelIndex = 1,
    };

    public override IReadOnlyList<RemoteFile> Files => [Archive];

    public string ExtractedIn(string root) => Path.Combine(FolderIn(root), Folder);

    public override string? FindLocal(string root, DataOptions options)
    {
        string dir = ExtractedIn(root);
        return Complete(dir) ? dir
            : File.Exists(Path.Combine(FolderIn(root), Archive.Name)) ? Path.Combine(FolderIn(root), Archive.Name)
            : null;
    }

    public override async Task PrepareAsync(string root, DataOptions options, CancellationToken cancel = default)
    {
        string dir = ExtractedIn(root);
        if (Complete(dir)) return;
        string archive = Path.Combine(FolderIn(root), Archive.Name);
        if (!File.Exists(archive))
            await FetchAsync([Archive], root, options, cancel,
                $"(or place the unpacked folder there: {Path.Combine(dir, TrainFiles[0])} …)");
        else
            Verify(archive, options);
        Unpack(archive, dir, options);
    }

    void Verify(string archive, DataOptions options)
    {
        options.Log?.Invoke($"checking the MD5 of {archive}");
        string md5 = Md5.OfFile(archive);
        if (md5 != Archive.Md5) throw DataErrors.Checksum(archive, md5, Archive.Md5);
    }

    /// <summary>Unpacks into ROOT/NAME/.unpack-*, then renames the data folder into place: all or nothing.</summary>
    void Unpack(string archive, string dir, DataOptions options)
    {
        options.Log?.Invoke($"unpacking {archive}");
        string temp = Path.Combine(Path.GetDirectoryName(archive)!, $".unpack-{Guid.NewGuid():n}");
        try
        {
            SafeTar.ExtractTarGz(archive, temp);
            string unpacked = Path.Combine(temp, Folder);
            var missing = TrainFiles.Append(TestFile).Where(f => !File.Exists(Path.Combine(unpacked, f))).ToList();
            if (missing.Count > 0)
                throw DataErrors.Corrupt(archive, $"it does not contain {Folder}/{missing[0]}",
                    $"the official archive with {Folder}/{string.Join(", ", TrainFiles.Append(TestFile))}");
            MoveIntoPlace(unpacked, dir);
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    bool Complete(string dir) => TrainFiles.Append(TestFile).All(f => File.Exists(Path.Combine(dir, f)));

    /// <summary>
    /// Renames the unpacked folder into place. Another process (a job array sharing the cache) may
    /// have finished first: then its complete folder is kept and ours discarded, never deleted under it.
    /// </summary>
    void MoveIntoPlace(string unpacked, string dir)
    {
        if (Complete(dir)) return;
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);          // an incomplete folder placed by hand
        try { Directory.Move(unpacked, dir); }
        catch (IOException) when (Complete(dir)) { }                                 // lost the race to an identical copy
    }

    public override LoadedSplits Read(string root, DataOptions options)
    {
        string dir = ExtractedIn(root);
        int perTrainFile = (Info.TrainCount ?? 0) / TrainFiles.Count;
        var train = CifarBinary.Read([.. TrainFiles.Select(f => Path.Combine(dir, f))], [.. TrainFiles.Select(_ => perTrainFile)],
            LabelBytes, LabelIndex, Info.ClassCount, Name);
        try
        {
            var test = CifarBinary.Read([Path.Combine(dir, TestFile)], [Info.TestCount ?? 0], LabelBytes, LabelIndex, Info.ClassCount, Name);
            return new LoadedSplits(train, test, dir);
        }
        catch
        {
            train.Dispose();
            throw;
        }
    }
}
