using Cnnexp.Data.Tests.Support;
using Cnnexp.Engine.Data;
using Cnnexp.Engine.Data.Downloads;
using Cnnexp.Engine.Data.Sources;
using static Cnnexp.Data.Tests.Support.Fixtures;

namespace Cnnexp.Data.Tests;

/// <summary>
/// Downloads from a server on 127.0.0.1 serving generated archives: fetched, verified, unpacked
/// and loaded; a wrong checksum or an unreachable server leaves nothing in the cache.
/// </summary>
public class DownloadTests
{
    public DownloadTests() => Torch.Ready();

    /// <summary>A CIFAR-10 binary archive with the tiny fixture files, and the loader that expects its MD5.</summary>
    static (byte[] Archive, CifarSource Source) TinyArchive()
    {
        using var temp = new TempDir();
        string dir = CifarBinaryTests.WriteTinyCifar10(temp.Path);
        var items = Directory.GetFiles(dir).Order().Select(f => new TarItem($"cifar-10-batches-bin/{Path.GetFileName(f)}", File.ReadAllBytes(f)));
        var archive = TarGz([new TarItem("cifar-10-batches-bin/batches.meta.txt", "airplane\n"u8.ToArray()), .. items]);
        var source = CifarBinaryTests.TinyCifar10 with { Archive = CifarSource.Cifar10.Archive with { Md5 = Md5(archive), Size = archive.Length } };
        return (archive, source);
    }

    [Fact]
    public void A_missing_data_set_is_downloaded_verified_unpacked_and_loaded()
    {
        var (archive, source) = TinyArchive();
        using var server = new LoopbackServer(new() { ["cifar-10-binary.tar.gz"] = archive });
        using var temp = new TempDir();
        var progress = new List<DownloadProgress>();
        var options = new DataOptions { Mirror = server.Url, Progress = new SyncProgress(progress.Add) };
        var splits = source.Load(temp.Path, options);
        using (splits.Train)
        using (splits.Test)
        {
            Assert.Equal(20, splits.Train.Count);
            Assert.Equal(Fixtures.Pixel(5, 2, 77), splits.Train.Images[5, 2, 2, 13].item<byte>());
        }
        Assert.Equal(["cifar-10-binary.tar.gz"], server.Requests);
        Assert.Equal(archive.Length, progress[^1].Received);
        Assert.Equal(archive.Length, progress[^1].Total);
        Assert.Equal(
            ["cifar10/cifar-10-batches-bin/batches.meta.txt", "cifar10/cifar-10-batches-bin/data_batch_1.bin", "cifar10/cifar-10-batches-bin/data_batch_2.bin",
             "cifar10/cifar-10-batches-bin/data_batch_3.bin", "cifar10/cifar-10-batches-bin/data_batch_4.bin", "cifar10/cifar-10-batches-bin/data_batch_5.bin",
             "cifar10/cifar-10-batches-bin/test_batch.bin", "cifar10/cifar-10-binary.tar.gz"],
            temp.Files().Select(f => f.Replace('\\', '/')));

        // the second load reads the unpacked folder: no request
        var again = source.Load(temp.Path, options);
        again.Train.Dispose();
        again.Test.Dispose();
        Assert.Single(server.Requests);
    }

    [Fact]
    public void A_download_with_the_wrong_checksum_is_deleted_and_reported()
    {
        var (archive, source) = TinyArchive();
        var corrupt = archive.ToArray();
        corrupt[^20] ^= 0x55;
        using var server = new LoopbackServer(new() { ["cifar-10-binary.tar.gz"] = corrupt });
        using var temp = new TempDir();
        var e = Assert.Throws<DataException>(() => source.Load(temp.Path, new DataOptions { Mirror = server.Url }));
        Assert.Contains($"received a file with MD5 {Md5(corrupt)}, expected {source.Archive.Md5} (deleted)", e.Message);
        Assert.Contains("cifar-10-binary.tar.gz", e.Message);
        Assert.Empty(temp.Files());                                        // no .part file, no archive
    }

    [Fact]
    public void A_placed_archive_with_the_wrong_checksum_is_refused_without_unpacking()
    {
        var (archive, source) = TinyArchive();
        using var temp = new TempDir();
        Directory.CreateDirectory(temp["cifar10"]);
        var placed = archive.ToArray();
        placed[100] ^= 1;
        File.WriteAllBytes(temp["cifar10", "cifar-10-binary.tar.gz"], placed);
        var e = Assert.Throws<DataException>(() => source.Load(temp.Path, new DataOptions { Download = false }));
        Assert.Contains($"`{temp["cifar10", "cifar-10-binary.tar.gz"]}` has MD5 {Md5(placed)}, expected {source.Archive.Md5}", e.Message);
        Assert.Equal(["cifar10/cifar-10-binary.tar.gz"], temp.Files().Select(f => f.Replace('\\', '/')));
    }

    [Fact]
    public void An_unreachable_server_gives_the_manual_install_message_and_leaves_nothing()
    {
        using var temp = new TempDir();
        string mirror = $"http://127.0.0.1:{LoopbackServer.FreePort()}/";
        var options = new DataOptions { Mirror = mirror, Timeout = TimeSpan.FromSeconds(5) };
        var e = Assert.Throws<DataException>(() => CifarSource.Cifar10.Load(temp.Path, options));
        Assert.Contains("cifar10 is not in the data cache and could not be downloaded", e.Message);
        Assert.Contains($"{mirror}cifar-10-binary.tar.gz:", e.Message);                     // why
        Assert.Contains("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz  (170,052,171 bytes, MD5 c32a1d4ab5d03f1284b67883e8d87530)", e.Message);
        Assert.Contains($"and place it in{Environment.NewLine}  {temp["cifar10"]}{Path.DirectorySeparatorChar}", e.Message);
        Assert.Contains("cifar-10-batches-bin", e.Message);                                   // or the unpacked folder
        Assert.Empty(temp.Files());
    }

    [Fact]
    public void A_server_without_the_file_is_reported_with_its_status()
    {
        using var server = new LoopbackServer(new());
        using var temp = new TempDir();
        var e = Assert.Throws<DataException>(() => IdxSource.Mnist.Load(temp.Path, new DataOptions { Mirror = server.Url, SystemFolders = [] }));
        Assert.Contains("HTTP 404 NotFound", e.Message);
        Assert.Empty(temp.Files());
    }

    [Fact]
    public void A_mirror_copy_compressed_again_is_accepted_by_its_content()
    {
        byte[] images = IdxImages(3, 28, 28), labels = IdxLabels([1, 2, 3]), gzImages = Gzip(images), gzLabels = Gzip(labels);
        var repacked = gzImages.ToArray();
        repacked[9] ^= 0xFF;                                                   // another gzip header: another file MD5
        var source = IdxSource.Mnist with
        {
            Info = IdxSource.Mnist.Info,
            TrainImages = IdxSource.Mnist.TrainImages with { Md5 = Md5(gzImages), ContentMd5 = Md5(images) },
            TrainLabels = IdxSource.Mnist.TrainLabels with { Md5 = Md5(gzLabels), ContentMd5 = null },
            TestImages = IdxSource.Mnist.TestImages with { Md5 = Md5(gzImages), ContentMd5 = Md5(images) },
            TestLabels = IdxSource.Mnist.TestLabels with { Md5 = Md5(gzLabels), ContentMd5 = null },
        };
        using var server = new LoopbackServer(new()
        {
            ["train-images-idx3-ubyte.gz"] = repacked, ["train-labels-idx1-ubyte.gz"] = gzLabels,
            ["t10k-images-idx3-ubyte.gz"] = repacked, ["t10k-labels-idx1-ubyte.gz"] = gzLabels,
        });
        using var temp = new TempDir();
        var splits = source.Load(temp.Path, new DataOptions { Mirror = server.Url, SystemFolders = [] });
        using (splits.Train)
        using (splits.Test)
            Assert.Equal(3, splits.Train.Count);
        Assert.Equal(4, temp.Files().Count);
    }

    /// <summary>Progress that records on the reporting thread (Progress&lt;T&gt; would post asynchronously).</summary>
    sealed class SyncProgress(Action<DownloadProgress> report) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) { lock (this) report(value); }
    }
}
