using Cnnexp.Results.Artefacts;
using Cnnexp.Spec.Datasets;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Figures.Tests;

/// <summary>The artefacts/ folder for <see cref="SyntheticRun"/>: patterned images and a plain C# convolution.</summary>
static class SyntheticArtefacts
{
    const int Size = 32, Samples = 10;

    /// <summary>Writes samples and both models' artefacts; returns the checks they imply.</summary>
    public static IReadOnlyDictionary<string, double> Write(string dir, ExperimentPlan plan)
    {
        var pixels = Images();
        ArtefactFiles.WriteSamples(dir, new SampleImages
        {
            Split = "test", Indices = Enumerable.Range(0, Samples).Select(i => i * 7).ToList(),
            Labels = Enumerable.Range(0, Samples).ToList(), Classes = DatasetCatalog.Synthetic.Classes, Pixels = pixels,
        });
        var checks = new Dictionary<string, double>();
        var rng = new Random(11);
        for (int m = 0; m < plan.Models.Count; m++)
        {
            bool sum = plan.Models[m].Transforms.Count > 0;
            var inputs = sum ? ChannelSum(pixels) : pixels;
            int c = inputs.Shape[1];
            var w1 = Random(rng, 0.4, 8, c, 3, 3);
            var b1 = Enumerable.Range(0, 8).Select(_ => (float)(rng.NextDouble() - 0.5) * 0.2f).ToArray();
            var x = inputs.Slice(0);
            var conv1 = Conv(x, w1, b1);
            var conv2 = Conv(Relu(conv1), Random(rng, 0.2, 16, 8, 3, 3), new float[16]);
            ChannelContributions? contributions = null;
            if (c > 1)
            {
                contributions = Decompose(x, w1, b1, conv1);
                checks[$"channel_contributions.{plan.Models[m].Name}.conv1.max_abs_difference"] = contributions.MaxAbsDifference;
            }
            ArtefactFiles.WriteModel(dir, m, new ModelArtefacts
            {
                Model = plan.Models[m].Name, Seed = 0, Transforms = plan.Models[m].Transforms.Select(t => t.Spec.Kind).ToList(), Inputs = inputs,
                Filters = new ConvFilters { Layer = "conv1", Weight = w1, Bias = b1 },
                FeatureMaps = [new FeatureMaps { Layer = "conv1", Sample = 0, Channels = 8, Maps = conv1 }, new FeatureMaps { Layer = "conv2", Sample = 0, Channels = 16, Maps = conv2 }],
                Contributions = contributions,
            });
        }
        return checks;
    }

    /// <summary>(10, 3, 32, 32): five patterns in a warm and a cool colour of equal R+G+B.</summary>
    static TensorData Images()
    {
        var v = new float[Samples * 3 * Size * Size];
        for (int i = 0; i < Samples; i++)
        {
            float[] color = i < 5 ? [0.75f, 0.5f, 0.25f] : [0.25f, 0.5f, 0.75f];
            for (int y = 0; y < Size; y++)
                for (int x = 0; x < Size; x++)
                {
                    bool on = (i % 5) switch
                    {
                        0 => y % 8 < 4, 1 => x % 6 < 3, 2 => Math.Abs(Math.Sqrt((x - 16) * (x - 16) + (y - 16) * (y - 16)) - 9) < 2,
                        3 => Math.Abs(x - 15) < 3 || Math.Abs(y - 15) < 3, _ => (x / 4 + y / 4) % 2 == 0,
                    };
                    for (int ch = 0; ch < 3; ch++) v[((i * 3 + ch) * Size + y) * Size + x] = on ? color[ch] : 0.1f;
                }
        }
        return TensorData.Of(v, Samples, 3, Size, Size);
    }

    static TensorData ChannelSum(TensorData images)
    {
        int n = images.Shape[0], plane = Size * Size;
        var v = new float[n * plane];
        for (int i = 0; i < n; i++)
            for (int p = 0; p < plane; p++)
                v[i * plane + p] = images.Values[(i * 3) * plane + p] + images.Values[(i * 3 + 1) * plane + p] + images.Values[(i * 3 + 2) * plane + p];
        return TensorData.Of(v, n, 1, Size, Size);
    }

    static TensorData Random(Random rng, double scale, params int[] shape) =>
        TensorData.Of(Enumerable.Range(0, shape.Aggregate(1, (a, d) => a * d)).Select(_ => (float)((rng.NextDouble() * 2 - 1) * scale)).ToArray(), shape);

    static TensorData Relu(TensorData t) => TensorData.Of(t.Values.Select(v => Math.Max(0, v)).ToArray(), [.. t.Shape]);

    /// <summary>(C, H, W) ∗ (O, C, 3, 3) + bias, zero padding 1: the reference the contribution maps must add up to.</summary>
    static TensorData Conv(TensorData x, TensorData w, float[] bias)
    {
        int o = w.Shape[0];
        var output = new float[o * Size * Size];
        for (int f = 0; f < o; f++)
        {
            var sum = Enumerable.Range(0, x.Shape[0]).Select(ch => Single(x, w, f, ch)).Aggregate((a, b) => a.Zip(b, (p, q) => p + q).ToArray());
            for (int p = 0; p < sum.Length; p++) output[f * Size * Size + p] = sum[p] + bias[f];
        }
        return TensorData.Of(output, o, Size, Size);
    }

    /// <summary>Input channel <paramref name="ch"/> convolved with kernel slice [f, ch].</summary>
    static float[] Single(TensorData x, TensorData w, int f, int ch)
    {
        var map = new float[Size * Size];
        int c = w.Shape[1];
        for (int y = 0; y < Size; y++)
            for (int xx = 0; xx < Size; xx++)
            {
                float acc = 0;
                for (int ky = 0; ky < 3; ky++)
                    for (int kx = 0; kx < 3; kx++)
                    {
                        int sy = y + ky - 1, sx = xx + kx - 1;
                        if (sy < 0 || sx < 0 || sy >= Size || sx >= Size) continue;
                        acc += x.Values[(ch * Size + sy) * Size + sx] * w.Values[((f * c + ch) * 3 + ky) * 3 + kx];
                    }
                map[y * Size + xx] = acc;
            }
        return map;
    }

    static ChannelContributions Decompose(TensorData x, TensorData w, float[] bias, TensorData output)
    {
        int c = x.Shape[0];
        var filters = new List<FilterContribution>();
        double worst = 0;
        for (int f = 0; f < w.Shape[0]; f++)
        {
            var parts = Enumerable.Range(0, c).Select(ch => Single(x, w, f, ch)).ToList();
            var sum = parts.Aggregate((a, b) => a.Zip(b, (p, q) => p + q).ToArray()).Select(v => v + bias[f]).ToArray();
            var own = output.Slice(f);
            double diff = sum.Zip(own.Values, (s, o) => Math.Abs(s - o)).Max();
            worst = Math.Max(worst, diff);
            filters.Add(new FilterContribution
            {
                Filter = f, Channels = TensorData.Of(parts.SelectMany(p => p).ToArray(), c, Size, Size), Bias = bias[f],
                Sum = TensorData.Of(sum, Size, Size), Output = own, MaxAbsDifference = diff,
            });
        }
        return new ChannelContributions { Layer = "conv1", Sample = 0, Input = x, OutputChannels = w.Shape[0], Filters = filters, MaxAbsDifference = worst };
    }
}
