using Cnnexp.Engine.Data;
using Cnnexp.Engine.Modules;
using Cnnexp.Engine.Native;
using Cnnexp.Engine.Prediction;
using Cnnexp.Engine.Tests.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Tests;

/// <summary>`cnnexp predict`'s engine: batches of 64, each in its own dispose scope, nothing left alive, the same scores however batched.</summary>
[Collection("training")]
public class PredictionTests
{
    [Fact]
    public void Scoring_three_batches_leaves_no_tensor_alive_and_matches_one_image_at_a_time()
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        var plan = TinyRun.Plan(TinyRun.TwoModels);
        var model = plan.Model("sum");
        var shape = plan.Dataset.ImageShape;                                       // (3, 32, 32)
        var random = new Random(7);
        var images = Enumerable.Range(0, 2 * ImageClassifier.BatchSize + 2).Select(i =>
        {
            var pixels = new byte[shape.Elements];
            random.NextBytes(pixels);
            return new PreparedImage($"{i}.png", pixels, shape.W, shape.H);
        }).ToList();
        using var module = ModelBuilder.Build(model);
        var normalization = new Normalization([0.5, 0.4, 0.3], [0.2, 0.25, 0.3]);

        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var all = ImageClassifier.Score(module, images, shape, normalization);
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);

        Assert.Equal(images.Count, all.Count);
        foreach (int i in new[] { 0, 63, 64, 129 })
        {
            var alone = ImageClassifier.Score(module, [images[i]], shape, normalization)[0];
            for (int c = 0; c < alone.Logits.Length; c++)
                Assert.True(Math.Abs(alone.Logits[c] - all[i].Logits[c]) <= 1e-5, $"image {i}, class {c}: {alone.Logits[c]} alone, {all[i].Logits[c]} in a batch");
            Assert.InRange(all[i].Probabilities.Sum(), 1 - 1e-5, 1 + 1e-5);
        }
    }
}
