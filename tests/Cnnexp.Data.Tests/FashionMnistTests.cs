using Cnnexp.Data.Tests.Support;
using Cnnexp.Engine.Data;
using Cnnexp.Spec.Datasets;
using Cnnexp.Spec.Model;

namespace Cnnexp.Data.Tests;

/// <summary>
/// Fashion-MNIST as Debian's `dataset-fashion-mnist` installs it (/usr/share/datasets/fashion-mnist):
/// found without downloading, verified by content (Debian recompresses the .gz files), loaded whole.
/// </summary>
public class FashionMnistTests
{
    const string System = "/usr/share/datasets";

    public FashionMnistTests() => Torch.Ready();

    [Fact]
    public void The_debian_package_s_files_load_with_60000_and_10000_images_of_1x28x28()
    {
        Assert.True(File.Exists(Path.Combine(System, "fashion-mnist", "train-images-idx3-ubyte.gz")),
            "install the Debian package: apt-get install dataset-fashion-mnist (.ci/run does)");
        using var empty = new TempDir();
        using var data = DatasetLoader.Load(new DataSpec { Dataset = "fashion-mnist", Root = empty.Path }, new DataOptions { Download = false });
        Assert.Equal([60_000L, 1, 28, 28], data.Train.Images.shape);
        Assert.Equal([10_000L, 1, 28, 28], data.Test.Images.shape);
        Assert.All(data.Train.Labels.bincount(null, 10).data<long>().ToArray(), n => Assert.Equal(6_000, n));
        Assert.Equal(Path.Combine(System, "fashion-mnist"), data.Location);
        var measured = Normalization.Measure(data.Train);
        Assert.Equal(DatasetCatalog.FashionMnist.Mean![0], measured.Mean[0], 3);
        Assert.Equal(DatasetCatalog.FashionMnist.Std![0], measured.Std[0], 3);
        Assert.Empty(empty.Files());                                    // nothing copied or downloaded
    }
}
