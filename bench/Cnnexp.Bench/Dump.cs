using Cnnexp.Engine.Data;

namespace Cnnexp.Bench;

/// <summary>Writes a loaded data set as raw uint8 files for bench/notebook/notebook_bench.py.</summary>
static class Dump
{
    public static void Write(LoadedDataset data, string dir)
    {
        Directory.CreateDirectory(dir);
        foreach (var (name, split) in new[] { ("train", data.Train), ("test", data.Test) })
        {
            File.WriteAllBytes(Path.Combine(dir, $"{name}_images.u8"), split.Images.contiguous().bytes.ToArray()); // (N, C, H, W)
            File.WriteAllBytes(Path.Combine(dir, $"{name}_labels.u8"), split.Labels.data<long>().Select(l => (byte)l).ToArray());
        }
    }
}
