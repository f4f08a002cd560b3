using static TorchSharp.torch;

namespace Cnnexp.Engine.Data;

/// <summary>
/// The built-in data set, generated deterministically in memory: 32x32 RGB images in 10 classes,
/// 5 shapes (horizontal bars, vertical bars, ring, cross, checkerboard) in 2 colour families
/// (warm, cool). Both families have the same R+G+B at every pixel on average, so a model that sums
/// the channels first can tell the shape but not the family: colour carries half of the labels.
/// </summary>
public static class SyntheticData
{
    public const int Size = 32;
    public const int TrainCount = 10_000;
    public const int TestCount = 2_000;

    /// <summary>Labels cycle through the classes; images depend only on (seed, index).</summary>
    public static ImageSplit Generate(int count, int seed)
    {
        var pixels = new byte[count * 3 * Size * Size];
        var labels = new long[count];
        Parallel.For(0, count, i =>
        {
            labels[i] = i % 10;
            Draw(pixels.AsSpan(i * 3 * Size * Size, 3 * Size * Size), (int)labels[i], new Random(Seeds.Mix(seed, i)));
        });
        return new ImageSplit(tensor(pixels, [count, 3, Size, Size]), tensor(labels));
    }

    static void Draw(Span<byte> image, int label, Random rng)
    {
        int shape = label % 5;
        bool warm = label < 5;
        // Foreground colour: R+G+B = 360 for both families; jitter keeps the sum.
        int a = rng.Next(-30, 31), b = rng.Next(-30, 31);
        (int r, int g, int bl) = warm ? (170 + a, 120 + b, 70 - a - b) : (70 - a - b, 120 + b, 170 + a);
        double fgScale = 0.6 + 0.4 * rng.NextDouble();
        int background = rng.Next(10, 70);
        int period = rng.Next(5, 9), phase = rng.Next(0, period), thick = rng.Next(2, 5);
        int cx = rng.Next(10, 22), cy = rng.Next(10, 22), radius = rng.Next(6, 11);
        for (int y = 0; y < Size; y++)
            for (int x = 0; x < Size; x++)
            {
                bool on = shape switch
                {
                    0 => (y + phase) % period < period / 2,
                    1 => (x + phase) % period < period / 2,
                    2 => Math.Abs(Math.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy)) - radius) < thick / 2.0 + 0.5,
                    3 => Math.Abs(x - cx) < thick || Math.Abs(y - cy) < thick,
                    _ => ((x + phase) / 4 + (y + phase) / 4) % 2 == 0,
                };
                int p = y * Size + x;
                double noise() => (rng.NextDouble() - 0.5) * 40;
                image[p] = Clamp((on ? r * fgScale : background) + noise());
                image[Size * Size + p] = Clamp((on ? g * fgScale : background) + noise());
                image[2 * Size * Size + p] = Clamp((on ? bl * fgScale : background) + noise());
            }
    }

    static byte Clamp(double v) => (byte)Math.Clamp(Math.Round(v), 0, 255);
}
