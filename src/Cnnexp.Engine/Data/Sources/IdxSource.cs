using System.Buffers.Binary;
using System.IO.Compression;
using Cnnexp.Engine.Data.Downloads;
using Cnnexp.Engine.Data.Formats;
using Cnnexp.Spec.Datasets;

namespace Cnnexp.Engine.Data.Sources;

/// <summary>
/// MNIST-style data sets: four official IDX files (training and test images and labels), gzipped.
/// Each file is looked for in ROOT/NAME/, then in the system folders (Debian's dataset packages),
/// gzipped or not, and checked against the published MD5 (of the .gz) or of its content.
/// </summary>
public sealed record IdxSource : DatasetSource
{
    public required RemoteFile TrainImages { get; init; }
    public required RemoteFile TrainLabels { get; init; }
    public required RemoteFile TestImages { get; init; }
    public required RemoteFile TestLabels { get; init; }

    public override IReadOnlyList<RemoteFile> Files => [TrainImages, TrainLabels, TestImages, TestLabels];

    // The files of yann.lecun.com, served by the mirror torchvision uses (the original site often refuses downloads).
    public static IdxSource Mnist { get; } = new()
    {
        Info = DatasetCatalog.Mnist,
        TrainImages = MnistFile("train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873", "6bbc9ace898e44ae57da46a324031adb", 9_912_422),
        TrainLabels = MnistFile("train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432", "a25bea736e30d166cdddb491f175f624", 28_881),
        TestImages = MnistFile("t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3", "2646ac647ad5339dbf082846283269ea", 1_648_877),
        TestLabels = MnistFile("t10k-labels-idx1-ubyte.gz", "ec29112dd5afa0611ce80d1b7f02629c", "27ae3e4e09519cfbb04c329615203637", 4_542),
    };

    public static IdxSource FashionMnist { get; } = new()
    {
        Info = DatasetCatalog.FashionMnist,
        TrainImages = FashionFile("train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d", "f4a8712d7a061bf5bd6d2ca38dc4d50a", 26_421_880),
        TrainLabels = FashionFile("train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe", "9018921c3c673c538a1fc5bad174d6f9", 29_515),
        TestImages = FashionFile("t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79", "8181f5470baa50b63fa0f6fddb340f0a", 4_422_102),
        TestLabels = FashionFile("t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310", "15d484375f8d13e6eb1aabb0c3f46965", 5_148),
    };

    static RemoteFile MnistFile(string name, string md5, string contentMd5, long size) =>
        new(name, [$"https://ossci-datasets.s3.amazonaws.com/mnist/{name}", $"http://yann.lecun.com/exdb/mnist/{name}"], md5, size)
        { ContentMd5 = contentMd5 };

    static RemoteFile FashionFile(string name, string md5, string contentMd5, long size) =>
        new(name, [$"http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/{name}"], md5, size) { ContentMd5 = contentMd5 };

    /// <summary>The path of <paramref name="file"/> (gzipped or not) in the cache or a system folder; null when absent.</summary>
    public string? Locate(RemoteFile file, string root, DataOptions options) =>
        new[] { root }.Concat(options.SystemFolders)
            .SelectMany(dir => new[] { file.Name, file.PlainName }.Select(n => Path.Combine(dir, Name, n)))
            .FirstOrDefault(File.Exists);

    public override string? FindLocal(string root, DataOptions options) =>
        Files.Select(f => Locate(f, root, options)).ToList() is var found && found.All(p => p is not null)
            ? Path.GetDirectoryName(found[0]) : null;

    public override Task PrepareAsync(string root, DataOptions options, CancellationToken cancel = default) =>
        FetchAsync([.. Files.Where(f => Locate(f, root, options) is null)], root, options, cancel);

    public override LoadedSplits Read(string root, DataOptions options)
    {
        var train = ReadSplit(TrainImages, TrainLabels, root, options, out string location);
        try { return new LoadedSplits(train, ReadSplit(TestImages, TestLabels, root, options, out _), location); }
        catch
        {
            train.Dispose();
            throw;
        }
    }

    ImageSplit ReadSplit(RemoteFile imageFile, RemoteFile labelFile, string root, DataOptions options, out string location)
    {
        var shape = Info.ImageShape;
        var images = IdxFormat.ReadImages(Content(imageFile, root, options, out string imagesPath), imagesPath, shape.H, shape.W);
        try
        {
            var labels = IdxFormat.ReadLabels(Content(labelFile, root, options, out string labelsPath), labelsPath, Info.ClassCount, Name);
            long count = labels.shape[0];
            if (count != images.shape[0])
            {
                labels.Dispose();
                throw DataErrors.Corrupt(labelsPath, $"it holds {DataErrors.N(count)} labels",
                    $"one label per image of `{imagesPath}` ({DataErrors.N(images.shape[0])})");
            }
            location = Path.GetDirectoryName(imagesPath)!;
            return new ImageSplit(images, labels);
        }
        catch
        {
            images.Dispose();
            throw;
        }
    }

    /// <summary>Largest decompressed IDX file read (Fashion-MNIST's largest is 47 MB): a gzip bomb stops here.</summary>
    public long MaxUncompressed { get; init; } = 1L << 30;

    /// <summary>
    /// The verified, decompressed bytes of a file: the file's MD5 must be the published one, or
    /// (a copy compressed again, or decompressed) its content's MD5 the known content sum.
    /// </summary>
    byte[] Content(RemoteFile file, string root, DataOptions options, out string path)
    {
        path = Locate(file, root, options) ?? throw Offline([file], root, "the file is missing", null);
        byte[] bytes = File.ReadAllBytes(path);
        string md5 = Md5.Of(bytes);
        bool gzipped = bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;
        if (md5 == file.Md5) return gzipped ? Gunzip(bytes, path, MaxUncompressed) : bytes;
        if (file.ContentMd5 is not { } expected) throw DataErrors.Checksum(path, md5, file.Md5);
        byte[] content;
        try { content = gzipped ? Gunzip(bytes, path, MaxUncompressed) : bytes; }
        catch (DataException) { throw DataErrors.Checksum(path, md5, file.Md5); }
        string actual = Md5.Of(content);
        if (actual == expected) return content;
        throw gzipped ? DataErrors.Checksum(path, md5, file.Md5) : DataErrors.Checksum(path, actual, expected);
    }


    /// <summary>Decompresses, checking the gzip trailer's size: .NET stops quietly at the end of a truncated stream.</summary>
    static byte[] Gunzip(byte[] bytes, string path, long maxUncompressed)
    {
        const string Expected = "a gzip-compressed IDX file";
        byte[] content;
        try
        {
            using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[1 << 16];
            for (int n; (n = input.Read(buffer)) > 0;)
            {
                if (output.Length + n > maxUncompressed)           // a gzip bomb: stop before it fills the memory
                    throw DataErrors.Corrupt(path, $"it decompresses to more than {DataErrors.N(maxUncompressed)} bytes", Expected);
                output.Write(buffer, 0, n);
            }
            content = output.ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw DataErrors.Corrupt(path, $"it is not a complete gzip file ({e.Message})", Expected);
        }
        uint trailer = bytes.Length >= 18 ? BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4)) : 0;
        if (bytes.Length < 18 || trailer != (uint)content.Length)
            throw DataErrors.Corrupt(path, $"it is not a complete gzip file (it decompresses to {DataErrors.N(content.Length)} bytes; its trailer says {DataErrors.N(trailer)})", Expected);
        return content;
    }
}
