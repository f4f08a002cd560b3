using Cnnexp.Data.Tests.Support;
using Cnnexp.Engine.Data;
using Cnnexp.Engine.Data.Formats;
using Cnnexp.Engine.Data.Sources;
using Cnnexp.Spec.Datasets;

namespace Cnnexp.Data.Tests;

/// <summary>The CIFAR loaders read files written in the official record layout, and reject damaged ones by name.</summary>
public class CifarBinaryTests
{
    public CifarBinaryTests() => Torch.Ready();

    /// <summary>CIFAR-10's loader with 5 x 4 training and 6 test records instead of 50,000 and 10,000.</summary>
    internal static CifarSource TinyCifar10 => CifarSource.Cifar10 with { Info = DatasetCatalog.Cifar10 with { TrainCount = 20, TestCount = 6 } };

    internal static int[] Labels(int count, int first = 0) => Enumerable.Range(first, count).Select(i => i % 10).ToArray();

    /// <summary>Writes the unpacked folder ROOT/cifar10/cifar-10-batches-bin as the official archive holds it.</summary>
    internal static string WriteTinyCifar10(string root)
    {
        string dir = Path.Combine(root, "cifar10", "cifar-10-batches-bin");
        Directory.CreateDirectory(dir);
        for (int b = 0; b < 5; b++)
            File.WriteAllBytes(Path.Combine(dir, $"data_batch_{b + 1}.bin"), Fixtures.CifarRecords(4, Labels(4, 4 * b), first: 4 * b));
        File.WriteAllBytes(Path.Combine(dir, "test_batch.bin"), Fixtures.CifarRecords(6, Labels(6, 3), first: 100));
        return dir;
    }

    [Fact]
    public void Cifar10_records_round_trip_into_planes_and_labels()
    {
        using var temp = new TempDir();
        WriteTinyCifar10(temp.Path);
        var splits = TinyCifar10.Read(temp.Path, new DataOptions());
        using var train = splits.Train;
        using var test = splits.Test;
        Assert.Equal([20L, 3, 32, 32], train.Images.shape);
        Assert.Equal([6L, 3, 32, 32], test.Images.shape);
        Assert.Equal(Labels(20).Select(l => (long)l), train.Labels.data<long>().ToArray());
        // image 13 (batch 4, record 2), green plane, row 5, column 7: flat position 5 * 32 + 7
        Assert.Equal(Fixtures.Pixel(13, 1, 5 * 32 + 7), train.Images[13, 1, 5, 7].item<byte>());
        Assert.Equal(Fixtures.Pixel(102, 2, 1023), test.Images[2, 2, 31, 31].item<byte>());
    }

    [Fact]
    public void Cifar100_takes_the_fine_label_from_the_second_byte()
    {
        using var temp = new TempDir();
        string dir = temp["cifar100", "cifar-100-binary"];
        Directory.CreateDirectory(dir);
        int[] fine = [99, 0, 42, 7];
        File.WriteAllBytes(Path.Combine(dir, "train.bin"), Fixtures.CifarRecords(4, fine, labelBytes: 2));
        File.WriteAllBytes(Path.Combine(dir, "test.bin"), Fixtures.CifarRecords(2, [5, 6], labelBytes: 2));
        var source = CifarSource.Cifar100 with { Info = DatasetCatalog.Cifar100 with { TrainCount = 4, TestCount = 2 } };
        var splits = source.Read(temp.Path, new DataOptions());
        using var train = splits.Train;
        using var test = splits.Test;
        // the fixture writes a coarse label (0-19) in the first byte: reading the wrong byte would show here
        Assert.Equal([99L, 0, 42, 7], train.Labels.data<long>().ToArray());
        Assert.Equal(Fixtures.Pixel(3, 0, 0), train.Images[3, 0, 0, 0].item<byte>());
        Assert.Equal(100, DatasetCatalog.Cifar100.ClassCount);
    }

    [Fact]
    public void A_truncated_batch_file_names_the_file_and_the_expected_size()
    {
        using var temp = new TempDir();
        string dir = WriteTinyCifar10(temp.Path);
        string file = Path.Combine(dir, "data_batch_3.bin");
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..^100]);
        var e = Assert.Throws<DataException>(() => TinyCifar10.Read(temp.Path, new DataOptions()));
        Assert.Contains(file, e.Message);
        Assert.Contains("12,192 bytes; expected 12,292", e.Message);
        Assert.Contains("4 records of 3,073 bytes", e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void A_label_outside_the_classes_names_the_file_and_record()
    {
        using var temp = new TempDir();
        string dir = WriteTinyCifar10(temp.Path);
        string file = Path.Combine(dir, "test_batch.bin");
        var bytes = File.ReadAllBytes(file);
        bytes[4 * 3073] = 12;                                   // record 4's label
        File.WriteAllBytes(file, bytes);
        var e = Assert.Throws<DataException>(() => TinyCifar10.Read(temp.Path, new DataOptions()));
        Assert.Contains(file, e.Message);
        Assert.Contains("record 4 has label 12", e.Message);
        Assert.Contains("labels 0-9", e.Message);
    }

    [Fact]
    public void Files_larger_than_one_read_chunk_keep_every_record_in_order()
    {
        using var temp = new TempDir();
        static byte[] Records(int count, int first)
        {
            var bytes = new byte[count * 3073];
            for (int r = 0; r < count; r++)
            {
                bytes[r * 3073] = (byte)((first + r) % 10);
                for (int p = 0; p < 3072; p++) bytes[r * 3073 + 1 + p] = (byte)((first + r + p / 1024) % 251);
            }
            return bytes;
        }
        string a = Path.Combine(temp.Path, "a.bin"), b = Path.Combine(temp.Path, "b.bin");
        File.WriteAllBytes(a, Records(1200, 0));
        File.WriteAllBytes(b, Records(2500, 1200));
        using (var split = CifarBinary.Read([a, b], [1200, 2500], 1, 0, 10, "cifar10"))
        {
            Assert.Equal([3700L, 3, 32, 32], split.Images.shape);
            foreach (int r in new[] { 0, 999, 1000, 1199, 1200, 2199, 2200, 3699 })
            {
                Assert.Equal(r % 10, split.Labels[r].item<long>());
                Assert.Equal((byte)(r % 251), split.Images[r, 0, 31, 31].item<byte>());
                Assert.Equal((byte)((r + 2) % 251), split.Images[r, 2, 0, 0].item<byte>());
            }
        }
        var bad = File.ReadAllBytes(b);
        bad[1700 * 3073] = 10;                                  // record 1,700 of b: in its second chunk
        File.WriteAllBytes(b, bad);
        var e = Assert.Throws<DataException>(() => CifarBinary.Read([a, b], [1200, 2500], 1, 0, 10, "cifar10"));
        Assert.Contains($"`{b}`: record 1,700 has label 10", e.Message);
    }
}
