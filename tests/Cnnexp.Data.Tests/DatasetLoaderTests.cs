using Cnnexp.Data.Tests.Support;
using Cnnexp.Engine.Data;
using Cnnexp.Spec.Augmentations;
using Cnnexp.Spec.Datasets;
using Cnnexp.Spec.Model;

namespace Cnnexp.Data.Tests;

/// <summary>`limit`, `val_fraction`, `normalize` and `augment` turn the official splits into what training sees.</summary>
public class DatasetLoaderTests
{
    public DatasetLoaderTests() => Torch.Ready();

    static long[] PerClass(ImageSplit split, int classes) => split.Labels.bincount(null, classes).data<long>().ToArray();

    [Fact]
    public void Limit_then_val_fraction_give_stratified_disjoint_splits_the_same_for_every_run()
    {
        var spec = new DataSpec { Dataset = "synthetic", Limit = 1000, ValFraction = 0.2 };
        using var a = DatasetLoader.Load(spec, new DataOptions());
        using var b = DatasetLoader.Load(spec, new DataOptions());
        Assert.Equal(800, a.Train.Count);
        Assert.Equal(200, a.Validation!.Count);
        Assert.Equal(1000, a.Test.Count);
        Assert.All(PerClass(a.Train, 10), n => Assert.Equal(80, n));
        Assert.All(PerClass(a.Validation, 10), n => Assert.Equal(20, n));
        Assert.True(Fixtures.Same(a.Validation.Images, b.Validation!.Images));
        // disjoint: no validation image is also a training image (synthetic images are all distinct)
        using var train = a.Train.Images.flatten(1);
        using var val = a.Validation.Images.flatten(1);
        using var same = train.to_type(TorchSharp.torch.ScalarType.Int16).unsqueeze(1).eq(val.to_type(TorchSharp.torch.ScalarType.Int16).unsqueeze(0)).all(2);
        Assert.False(same.any().item<bool>());
        Assert.Contains("800 training, 200 validation and 1,000 test images of 3x32x32", a.Describe());
    }

    [Fact]
    public void Normalize_and_augment_reach_every_split_and_the_training_batches()
    {
        var spec = new DataSpec
        {
            Dataset = "synthetic", Limit = 100, ValFraction = 0.1,
            Normalize = new Cnnexp.Spec.Transforms.Normalize { Mean = [0.5], Std = [0.25] },
            Augment = [new RandomCrop { Padding = 2 }, new HorizontalFlip()],
        };
        using var data = DatasetLoader.Load(spec, new DataOptions());
        Assert.All(new[] { data.Train, data.Validation!, data.Test }, s => Assert.Equal([0.5, 0.5, 0.5], s.Normalization!.Mean));
        Assert.Equal(["random_crop (padding 2)", "horizontal_flip (p 0.5)"], data.Augmenter!.Ops.Select(o => o.ToString()));
        var order = Batches.Order(data.Train.Count, 0, 1, shuffle: false);
        var plain = Batches.Of(data.Train, order, 90).Single();
        var augmented = Batches.Of(data.Train, order, 90, data.Augment(seed: 0, epoch: 1)).Single();
        Assert.False(Fixtures.Same(plain.Images, augmented.Images));
        Assert.InRange(plain.Images.min().item<float>(), -2.01f, -1.99f);            // (0 - 0.5) / 0.25
        Assert.Null(new DataSpec().Augment);
    }

    [Fact]
    public void A_spec_that_cannot_describe_its_data_fails_with_a_data_error()
    {
        var e = Assert.Throws<DataException>(() => DatasetLoader.Load(new DataSpec { Dataset = DatasetCatalog.ImageFolder }, new DataOptions()));
        Assert.Contains("needs `data.path`", e.Message);
    }
}
