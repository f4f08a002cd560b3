using Cnnexp.Data.Tests.Support;
using Cnnexp.Engine.Data;
using Cnnexp.Engine.Data.Augmentation;
using TorchSharp;
using static TorchSharp.torch;

namespace Cnnexp.Data.Tests;

/// <summary>Batches are indexed, converted, normalised and augmented on the whole batch — and agree with a per-pixel reference.</summary>
public class BatchTests
{
    public BatchTests() => Torch.Ready();

    /// <summary>N images (C, H, W) whose every pixel is distinct enough to see where it moved.</summary>
    static ImageSplit Split(int n, int c = 3, int h = 8, int w = 10)
    {
        var pixels = new byte[n * c * h * w];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)(1 + i * 7 % 253);
        return new ImageSplit(tensor(pixels, [n, c, h, w]), tensor(Enumerable.Range(0, n).Select(i => (long)(i % 4)).ToArray()));
    }

    [Fact]
    public void Plain_batches_are_the_indexed_images_in_zero_one()
    {
        using var split = Split(10);
        var order = new long[] { 7, 2, 9, 0, 1 };
        var batches = Batches.Of(split, order, 2).ToList();
        Assert.Equal([2L, 2, 1], batches.Select(b => b.Images.shape[0]));
        Assert.Equal(ScalarType.Float32, batches[0].Images.dtype);
        Assert.Equal(split.Images[2, 1, 3, 4].item<byte>() / 255f, batches[0].Images[1, 1, 3, 4].item<float>(), 6);
        Assert.Equal([3L, 2], batches[0].Labels.data<long>().ToArray());   // labels of images 7 and 2
        foreach (var b in batches) { b.Images.Dispose(); b.Labels.Dispose(); }
    }

    [Fact]
    public void Normalisation_is_x_over_255_minus_mean_over_std_per_channel()
    {
        using var raw = Split(4);
        using var split = raw.WithNormalization(new Normalization([0.1, 0.5, 0.9], [0.2, 0.25, 0.5]));
        var batch = Batches.Of(split, [3, 1], 2).Single();
        for (int c = 0; c < 3; c++)
        {
            double x = split.Images[3, c, 5, 6].item<byte>() / 255.0;
            double expected = (x - split.Normalization!.Mean[c]) / split.Normalization.Std[c];
            Assert.Equal(expected, batch.Images[0, c, 5, 6].item<float>(), 5);
        }
    }

    [Fact]
    public void Measured_statistics_match_a_direct_computation()
    {
        using var split = Split(9);
        var n = Normalization.Measure(split, chunk: 4);       // several chunks
        using var x = split.Images.to_type(ScalarType.Float64).div(255);
        for (int c = 0; c < 3; c++)
        {
            using var channel = x.select(1, c);
            Assert.Equal(channel.mean().item<double>(), n.Mean[c], 9);
            Assert.Equal(channel.std(unbiased: false).item<double>(), n.Std[c], 9);
        }
    }

    /// <summary>The slow, obvious version: pad with zeros, copy the window at (dy, dx), mirror if asked.</summary>
    static byte[] Reference(Tensor images, int padding, int[] dy, int[] dx, bool[] flip)
    {
        long n = images.shape[0], c = images.shape[1], h = images.shape[2], w = images.shape[3];
        var src = images.data<byte>().ToArray();
        var output = new byte[src.Length];
        for (int i = 0; i < n; i++)
            for (int ch = 0; ch < c; ch++)
                for (int y = 0; y < h; y++)
                    for (int x = 0; x < w; x++)
                    {
                        int sy = y + dy[i] - padding, sx = (int)(flip[i] ? w - 1 - x : x) + dx[i] - padding;
                        byte v = sy < 0 || sy >= h || sx < 0 || sx >= w ? (byte)0 : src[((i * c + ch) * h + sy) * w + sx];
                        output[((i * c + ch) * h + y) * w + x] = v;
                    }
        return output;
    }

    [Fact]
    public void Random_crop_then_flip_equals_the_per_pixel_reference()
    {
        using var split = Split(16);
        var augmenter = new Augmenter([new RandomCropOp(3), new HorizontalFlipOp(0.5)]);
        using var augmented = augmenter.ForEpoch(seed: 4, epoch: 2).Apply(split.Images, batch: 5);
        // replay the random draws exactly as the ops make them: crop offsets per image, then flips
        var rng = new Random(Seeds.Mix(4, 2, 5, 0xa06));
        int[] dy = new int[16], dx = new int[16];
        for (int i = 0; i < 16; i++) { dy[i] = rng.Next(7); dx[i] = rng.Next(7); }
        var flip = Enumerable.Range(0, 16).Select(_ => rng.NextDouble() < 0.5).ToArray();
        Assert.Contains(true, flip);
        Assert.Contains(false, flip);
        var expected = Reference(split.Images, 3, dy, dx, flip);
        Assert.Equal(expected, augmented.data<byte>().ToArray());
        Assert.Equal(split.Images.shape, augmented.shape);
    }

    [Fact]
    public void Augmentation_depends_only_on_seed_epoch_and_batch()
    {
        using var split = Split(12);
        var augmenter = new Augmenter([new RandomCropOp(4), new HorizontalFlipOp(0.5)]);
        using var a = augmenter.ForEpoch(1, 1).Apply(split.Images, 0);
        using var b = augmenter.ForEpoch(1, 1).Apply(split.Images, 0);
        using var otherBatch = augmenter.ForEpoch(1, 1).Apply(split.Images, 1);
        using var otherEpoch = augmenter.ForEpoch(1, 2).Apply(split.Images, 0);
        using var otherSeed = augmenter.ForEpoch(2, 1).Apply(split.Images, 0);
        Assert.True(Fixtures.Same(a, b));
        Assert.False(Fixtures.Same(a, otherBatch));
        Assert.False(Fixtures.Same(a, otherEpoch));
        Assert.False(Fixtures.Same(a, otherSeed));
    }

    [Fact]
    public void Training_batches_are_augmented_and_evaluation_batches_are_not()
    {
        using var split = Split(8);
        var augmenter = new Augmenter([new HorizontalFlipOp(1.0)]);
        var order = Batches.Order(8, 0, 0, shuffle: false);
        var train = Batches.Of(split, order, 8, augmenter.ForEpoch(0, 1)).Single();
        var plain = Batches.Of(split, order, 8).Single();
        using var mirrored = plain.Images.flip(3);
        Assert.True(Fixtures.Same(train.Images, mirrored));
    }

    [Fact]
    public void A_batch_loop_leaves_no_tensor_alive()
    {
        using var split = Split(64);
        var augmenter = new Augmenter([new RandomCropOp(2), new HorizontalFlipOp(0.5)]);
        long before = DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
        foreach (var epoch in new[] { 1, 2 })
        {
            using var batches = Batches.Of(split, Batches.Order(64, 0, epoch, true), 10, augmenter.ForEpoch(0, epoch)).GetEnumerator();
            while (true)
            {
                using var scope = NewDisposeScope();
                if (!batches.MoveNext()) break;
                Assert.Equal([3L, 8, 10], batches.Current.Images.shape[1..]);
            }
        }
        Assert.Equal(before, DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
    }
}
