using Cnnexp.Data.Tests.Support;
using Cnnexp.Engine.Data;
using Cnnexp.Engine.Data.Downloads;
using Cnnexp.Engine.Data.Import;
using Cnnexp.Spec.Datasets;
using Cnnexp.Spec.Model;
using static TorchSharp.torch;

namespace Cnnexp.Data.Tests;

/// <summary>The 60,000 real CIFAR-10 images (../shared/data/cifar10-jpeg.tar.gz), unpacked once into a temporary folder.</summary>
public sealed class Cifar10JpegFixture : IDisposable
{
    public Cifar10JpegFixture()
    {
        Torch.Ready();
        Archive = Repo.Shared("cifar10-jpeg.tar.gz");
        SafeTar.ExtractTarGz(Archive, Temp["unpacked"]);
        Folder = Temp["unpacked", "cifar10-jpeg"];
    }

    public TempDir Temp { get; } = new();
    public string Archive { get; }
    public string Folder { get; }

    /// <summary>A data cache holding CIFAR-10 converted into the official binary layout (made once, on first use).</summary>
    public string ConvertedRoot => converted.Value;

    readonly Lazy<string> converted = new(Convert);

    static string Convert()
    {
        string root = Path.Combine(Path.GetTempPath(), "cnnexp-data-tests", Guid.NewGuid().ToString("n")[..12]);
        Cifar10Import.Run(Repo.Shared("cifar10-jpeg.tar.gz"), root, new DataOptions());
        return root;
    }

    public void Dispose()
    {
        Temp.Dispose();
        if (converted.IsValueCreated) Directory.Delete(converted.Value, recursive: true);
    }
}

/// <summary>
/// Real CIFAR-10: read as an image folder, and converted into the official binary layout in a
/// temporary cache so the `cifar10` loader runs end to end without the network.
/// </summary>
public class RealCifar10Tests(Cifar10JpegFixture cifar) : IClassFixture<Cifar10JpegFixture>
{
    static void AssertCifar10(LoadedDataset data)
    {
        Assert.Equal(DatasetCatalog.Cifar10.Classes, data.Info.Classes);
        Assert.Equal([50_000L, 3, 32, 32], data.Train.Images.shape);
        Assert.Equal([10_000L, 3, 32, 32], data.Test.Images.shape);
        Assert.All(data.Train.Labels.bincount(null, 10).data<long>().ToArray(), n => Assert.Equal(5_000, n));
        Assert.All(data.Test.Labels.bincount(null, 10).data<long>().ToArray(), n => Assert.Equal(1_000, n));
        // the published statistics of CIFAR-10's training images; JPEG compression moves them slightly
        var measured = Normalization.Measure(data.Train);
        for (int c = 0; c < 3; c++)
        {
            Assert.InRange(measured.Mean[c], DatasetCatalog.Cifar10.Mean![c] - 0.005, DatasetCatalog.Cifar10.Mean[c] + 0.005);
            Assert.InRange(measured.Std[c], DatasetCatalog.Cifar10.Std![c] - 0.01, DatasetCatalog.Cifar10.Std[c] + 0.01);
        }
    }

    /// <summary>Sum of every pixel per channel and label: equal only if the same images carry the same labels.</summary>
    static long[] Fingerprint(ImageSplit split)
    {
        using var scope = NewDisposeScope();
        var perImage = split.Images.to_type(ScalarType.Int64).sum([2, 3]);                                 // (N, 3)
        var byLabel = zeros(10, 3, dtype: ScalarType.Int64).index_add_(0, split.Labels, perImage, 1);          // (10, 3)
        return byLabel.flatten().data<long>().ToArray();
    }

    [Fact]
    public void The_jpeg_folder_loads_as_an_image_folder_and_the_second_load_comes_from_the_cache()
    {
        var spec = new DataSpec { Dataset = "imagefolder", Path = cifar.Folder, Root = cifar.Temp["cache"] };
        var log = new List<string>();
        using (var data = DatasetLoader.Load(spec, new DataOptions { Log = log.Add }))
            AssertCifar10(data);
        Assert.Contains(log, l => l.Contains("decoding 60,000 images"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var again = DatasetLoader.Load(spec, new DataOptions { Log = log.Add }))
            Assert.Equal(50_000, again.Train.Count);
        Assert.Contains(log, l => l.Contains("from the cache"));
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 20);          // generous: a shared machine; decoding takes far longer
    }

    [Fact]
    public void Converted_to_the_binary_layout_the_cifar10_loader_reads_the_same_images_and_labels()
    {
        string root = cifar.ConvertedRoot;                                                // decoded from the archive in memory
        string folder = Path.Combine(root, "cifar10", "cifar-10-batches-bin");
        foreach (var name in new[] { "data_batch_1.bin", "data_batch_5.bin", "test_batch.bin" })
            Assert.Equal(10_000L * 3073, new FileInfo(Path.Combine(folder, name)).Length);
        Assert.True(Cifar10Import.IsImported(root));
        Assert.Equal(["cifar10"], Directory.GetDirectories(root).Select(Path.GetFileName));          // no temporary folder left
        Assert.Equal(["cifar-10-batches-bin"], Directory.GetDirectories(Path.Combine(root, "cifar10")).Select(Path.GetFileName));

        using var binary = DatasetLoader.Load(new DataSpec { Dataset = "cifar10", Root = root }, new DataOptions { Download = false });
        AssertCifar10(binary);
        using var images = DatasetLoader.Load(new DataSpec { Dataset = "imagefolder", Path = cifar.Folder, Root = cifar.Temp["cache"] },
            new DataOptions());
        Assert.Equal(Fingerprint(images.Train), Fingerprint(binary.Train));
        Assert.Equal(Fingerprint(images.Test), Fingerprint(binary.Test));
        // shuffled as the official batches are: the first file mixes every class
        using var firstFile = binary.Train.Labels.narrow(0, 0, 10_000);
        Assert.All(firstFile.bincount(null, 10).data<long>().ToArray(), n => Assert.InRange(n, 850, 1150));

        var again = Assert.Throws<DataException>(() => Cifar10Import.Run(cifar.Archive, root, new DataOptions()));
        Assert.Contains("already exists", again.Message);
    }

    [Fact]
    public async Task Cnnexp_run_trains_the_notebook_s_experiment_on_cifar10_from_the_data_cache()
    {
        using var output = new TempDir();
        var result = await CommandLine.Run("run", Path.Combine(Repo.Root, "experiments", "sumfirst.yaml"), "--out", output["run"], "--quiet",
            "--set", "train.epochs=1", "--set", "data.limit=300", "--set", "seeds=[0]", "--set", $"data.root={cifar.ConvertedRoot}");
        Assert.True(result.ExitCode == 0, result.Output);
        string log = File.ReadAllText(output["run", "run.log"]);
        Assert.Contains("cifar10: 300 training and 300 test images of 3x32x32 from " + Path.Combine(cifar.ConvertedRoot, "cifar10", "cifar-10-batches-bin"), log);
        Assert.Contains("sumfirst", result.Output);
        Assert.Contains("note: this CIFAR-10 was converted from images", log);
    }
}
