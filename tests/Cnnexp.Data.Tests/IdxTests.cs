using Cnnexp.Data.Tests.Support;
using Cnnexp.Engine.Data;
using Cnnexp.Engine.Data.Downloads;
using Cnnexp.Engine.Data.Sources;
using Cnnexp.Spec.Datasets;

namespace Cnnexp.Data.Tests;

/// <summary>MNIST-style IDX files round-trip through the loader; damaged, mislabelled or unofficial files are refused by name.</summary>
public class IdxTests
{
    public IdxTests() => Torch.Ready();

    sealed record Files(byte[] TrainImages, byte[] TrainLabels, byte[] TestImages, byte[] TestLabels);

    static Files Tiny() => new(
        Fixtures.Gzip(Fixtures.IdxImages(12, 28, 28)), Fixtures.Gzip(Fixtures.IdxLabels(CifarBinaryTests.Labels(12))),
        Fixtures.Gzip(Fixtures.IdxImages(5, 28, 28)), Fixtures.Gzip(Fixtures.IdxLabels(CifarBinaryTests.Labels(5, 2))));

    /// <summary>The MNIST loader with these files' MD5 sums in place of the official ones.</summary>
    static IdxSource SourceFor(Files f) => IdxSource.Mnist with
    {
        TrainImages = IdxSource.Mnist.TrainImages with { Md5 = Fixtures.Md5(f.TrainImages), ContentMd5 = null },
        TrainLabels = IdxSource.Mnist.TrainLabels with { Md5 = Fixtures.Md5(f.TrainLabels), ContentMd5 = null },
        TestImages = IdxSource.Mnist.TestImages with { Md5 = Fixtures.Md5(f.TestImages), ContentMd5 = null },
        TestLabels = IdxSource.Mnist.TestLabels with { Md5 = Fixtures.Md5(f.TestLabels), ContentMd5 = null },
    };

    static void Place(string folder, Files f)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "train-images-idx3-ubyte.gz"), f.TrainImages);
        File.WriteAllBytes(Path.Combine(folder, "train-labels-idx1-ubyte.gz"), f.TrainLabels);
        File.WriteAllBytes(Path.Combine(folder, "t10k-images-idx3-ubyte.gz"), f.TestImages);
        File.WriteAllBytes(Path.Combine(folder, "t10k-labels-idx1-ubyte.gz"), f.TestLabels);
    }

    static readonly DataOptions Offline = new() { Download = false, SystemFolders = [] };

    [Fact]
    public void Idx_files_round_trip_into_one_channel_images_and_labels()
    {
        using var temp = new TempDir();
        var files = Tiny();
        Place(temp["mnist"], files);
        var splits = SourceFor(files).Load(temp.Path, Offline);
        using var train = splits.Train;
        using var test = splits.Test;
        Assert.Equal([12L, 1, 28, 28], train.Images.shape);
        Assert.Equal([5L, 1, 28, 28], test.Images.shape);
        Assert.Equal(CifarBinaryTests.Labels(5, 2).Select(l => (long)l), test.Labels.data<long>().ToArray());
        Assert.Equal(Fixtures.Pixel(7, 0, 3 * 28 + 20), train.Images[7, 0, 3, 20].item<byte>());
        Assert.Equal(temp["mnist"], splits.Location);
    }

    [Fact]
    public void A_copy_compressed_again_verifies_by_its_content_and_an_uncompressed_file_is_read_too()
    {
        using var temp = new TempDir();
        var files = Tiny();
        byte[] plainTrain = Fixtures.IdxImages(12, 28, 28), plainTest = Fixtures.IdxImages(5, 28, 28);
        var source = SourceFor(files) is var s ? s with
        {
            TrainImages = s.TrainImages with { ContentMd5 = Fixtures.Md5(plainTrain) },
            TestImages = s.TestImages with { ContentMd5 = Fixtures.Md5(plainTest) },
        } : null!;
        // As Debian's package: the same content behind another gzip header, so the file's MD5 differs.
        var repacked = files.TestImages.ToArray();
        repacked[9] ^= 0xFF;                                                 // the header's OS byte
        Assert.NotEqual(source.TestImages.Md5, Fixtures.Md5(repacked));
        Place(temp["mnist"], files with { TestImages = repacked });
        File.Delete(temp["mnist", "train-images-idx3-ubyte.gz"]);
        File.WriteAllBytes(temp["mnist", "train-images-idx3-ubyte"], plainTrain);   // placed decompressed
        var splits = source.Load(temp.Path, Offline);
        using (splits.Train)
        using (splits.Test)
        {
            Assert.Equal(12, splits.Train.Count);
            Assert.Equal(5, splits.Test.Count);
        }

        // different content behind a valid gzip is still refused, with the published file MD5
        Place(temp["mnist"], files with { TestImages = Fixtures.Gzip(Fixtures.IdxImages(5, 28, 28)[..^1].Append((byte)1).ToArray()) });
        var e = Assert.Throws<DataException>(() => source.Load(temp.Path, Offline));
        Assert.Contains($"t10k-images-idx3-ubyte.gz` has MD5", e.Message);
        Assert.Contains($"expected {source.TestImages.Md5}", e.Message);
    }

    [Fact]
    public void A_wrong_checksum_names_the_file_and_the_published_sum()
    {
        using var temp = new TempDir();
        var files = Tiny();
        var source = SourceFor(files);
        Place(temp["mnist"], files with { TrainLabels = Fixtures.Gzip(Fixtures.IdxLabels(CifarBinaryTests.Labels(12, 1))) });
        var e = Assert.Throws<DataException>(() => source.Load(temp.Path, Offline));
        Assert.Contains(temp["mnist", "train-labels-idx1-ubyte.gz"], e.Message);
        Assert.Contains($"expected {source.TrainLabels.Md5} (the published checksum)", e.Message);
    }

    public static TheoryData<string, Func<byte[], byte[]>, string> Damage => new()
    {
        { "truncated gzip", b => b[..(b.Length / 2)], "not a complete gzip file" },
        { "bad magic", _ => Fixtures.Gzip([0, 0, 8, 1, .. Fixtures.IdxImages(12, 28, 28)[4..]]), "magic number is 0x00000801; expected 0x00000803" },
        { "wrong size", _ => Fixtures.Gzip(Fixtures.IdxImages(12, 32, 32)), "its images are 32x32; expected 28x28" },
        { "truncated content", _ => Fixtures.Gzip(Fixtures.IdxImages(12, 28, 28)[..^10]), "9,414 bytes; expected 9,424: its header promises 12 images of 28x28" },
    };

    [Theory]
    [MemberData(nameof(Damage))]
    public void A_damaged_images_file_names_the_file_and_what_was_expected(string damage, Func<byte[], byte[]> spoil, string expected)
    {
        using var temp = new TempDir();
        var files = Tiny();
        var bad = spoil(files.TrainImages);
        // the checksum is taken from the damaged file, so the format check itself must catch the damage
        var source = SourceFor(files with { TrainImages = bad });
        Place(temp["mnist"], files with { TrainImages = bad });
        var e = Assert.Throws<DataException>(() => source.Load(temp.Path, Offline));
        Assert.Contains(temp["mnist", "train-images-idx3-ubyte.gz"], e.Message);
        Assert.Contains(expected, e.Message);
        Assert.False(string.IsNullOrEmpty(damage));
    }

    [Fact]
    public void A_gzip_bomb_stops_at_the_size_cap_with_the_files_name()
    {
        using var temp = new TempDir();
        var bomb = Fixtures.Gzip(new byte[200_000]);                            // 200 kB of zeros in a few hundred bytes
        var files = Tiny() with { TrainImages = bomb };
        var source = SourceFor(files) with { MaxUncompressed = 100_000 };
        Place(temp["mnist"], files);
        var e = Assert.Throws<DataException>(() => source.Load(temp.Path, Offline));
        Assert.Contains(temp["mnist", "train-images-idx3-ubyte.gz"], e.Message);
        Assert.Contains("decompresses to more than 100,000 bytes", e.Message);
    }

    [Fact]
    public void Labels_outside_the_classes_and_a_count_mismatch_are_refused()
    {
        using var temp = new TempDir();
        var files = Tiny() with { TestLabels = Fixtures.Gzip(Fixtures.IdxLabels([1, 2, 10, 3, 4])) };
        Place(temp["mnist"], files);
        var e = Assert.Throws<DataException>(() => SourceFor(files).Load(temp.Path, Offline));
        Assert.Contains("t10k-labels-idx1-ubyte.gz`: record 2 has label 10", e.Message);

        files = Tiny() with { TestLabels = Fixtures.Gzip(Fixtures.IdxLabels([1, 2, 3])) };
        Place(temp["mnist"], files);
        e = Assert.Throws<DataException>(() => SourceFor(files).Load(temp.Path, Offline));
        Assert.Contains("it holds 3 labels; expected one label per image", e.Message);
        Assert.Contains("(5)", e.Message);
    }

    [Fact]
    public void Offline_and_missing_says_which_files_to_place_where()
    {
        using var temp = new TempDir();
        var e = Assert.Throws<DataException>(() => IdxSource.Mnist.Load(temp.Path, Offline));
        Assert.Contains("mnist is not in the data cache", e.Message);
        foreach (var f in IdxSource.Mnist.Files)
        {
            Assert.Contains(f.Urls[0], e.Message);
            Assert.Contains(f.Md5, e.Message);
        }
        Assert.Contains(Path.Combine(temp.Path, "mnist") + Path.DirectorySeparatorChar, e.Message);
        Assert.Empty(temp.Files());
    }

    [Fact]
    public void The_catalog_s_official_files_and_sums_are_the_published_ones()
    {
        Assert.Equal("8d4fb7e6c68d591d4c3dfef9ec88bf0d", IdxSource.FashionMnist.TrainImages.Md5);
        Assert.Equal("f68b3c2dcbeaaa9fbdd348bbdeb94873", IdxSource.Mnist.TrainImages.Md5);
        Assert.Equal("c32a1d4ab5d03f1284b67883e8d87530", CifarSource.Cifar10.Archive.Md5);
        Assert.Equal("03b5dce01913d631647c71ecec9e9cb8", CifarSource.Cifar100.Archive.Md5);
        Assert.All(DatasetSources.All, s => Assert.NotNull(DatasetCatalog.Find(s.Name)));
        Assert.All(DatasetSources.All.SelectMany(s => s.Files), f => Assert.Matches("^[0-9a-f]{32}$", f.Md5));
        Assert.All(DatasetSources.All.SelectMany(s => s.Files), (RemoteFile f) => Assert.All(f.Urls, u => Assert.EndsWith(f.Name, u)));
    }
}
