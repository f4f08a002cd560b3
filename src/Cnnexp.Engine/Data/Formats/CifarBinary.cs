using static TorchSharp.torch;

namespace Cnnexp.Engine.Data.Formats;

/// <summary>
/// The CIFAR binary format: fixed-size records, each the label byte(s) then 3,072 pixel bytes —
/// the 1,024 red values of the 32x32 image row by row, then green, then blue. CIFAR-10 has one
/// label byte; CIFAR-100 has two (coarse, then fine).
/// </summary>
public static class CifarBinary
{
    public const int Side = 32;
    public const int ImageBytes = 3 * Side * Side;

    /// <summary>Reads files of <paramref name="expected"/> records each into one split, checking sizes and labels.</summary>
    public static ImageSplit Read(IReadOnlyList<string> files, IReadOnlyList<int> expected, int labelBytes, int labelIndex, int classes, string dataset)
    {
        var images = new List<Tensor>();
        var labels = new List<Tensor>();
        try
        {
            for (int i = 0; i < files.Count; i++)
            {
                var (x, y) = ReadFile(files[i], expected[i], labelBytes, labelIndex, classes, dataset);
                images.Add(x);
                labels.Add(y);
            }
            return new ImageSplit(cat(images, 0), cat(labels, 0));
        }
        finally
        {
            foreach (var t in images.Concat(labels)) t.Dispose();
        }
    }

    static (Tensor Images, Tensor Labels) ReadFile(string file, int count, int labelBytes, int labelIndex, int classes, string dataset)
    {
        int record = labelBytes + ImageBytes;
        long length = new FileInfo(file).Length;
        if (length != (long)count * record)
            throw DataErrors.WrongLength(file, length, (long)count * record,
                $"{DataErrors.N(count)} records of {DataErrors.N(record)} bytes ({labelBytes} label byte(s), then 3,072 pixel bytes: 1,024 red, 1,024 green, 1,024 blue)");
        using var scope = NewDisposeScope();
        var raw = tensor(File.ReadAllBytes(file), [count, record]);                    // (N, label + 3072) uint8
        var labels = raw.select(1, labelIndex).to_type(ScalarType.Int64);               // (N)
        CheckLabels(labels, file, classes, dataset);
        var images = raw.narrow(1, labelBytes, ImageBytes).reshape(count, 3, Side, Side).contiguous();   // (N, 3, 32, 32)
        return (images.MoveToOuterDisposeScope(), labels.MoveToOuterDisposeScope());
    }

    static void CheckLabels(Tensor labels, string file, int classes, string dataset)
    {
        if (labels.numel() == 0 || labels.max().item<long>() < classes) return;
        long record = labels.ge(classes).nonzero()[0, 0].item<long>();
        throw DataErrors.LabelOutOfRange(file, record, labels[record].item<long>(), classes, dataset);
    }

    /// <summary>Writes images (N, 3, 32, 32) uint8 and labels as CIFAR-10 records (one label byte).</summary>
    public static void Write(string file, Tensor images, Tensor labels)
    {
        using var scope = NewDisposeScope();
        long n = images.shape[0];
        var records = cat([labels.to_type(ScalarType.Byte).reshape(n, 1), images.reshape(n, ImageBytes)], 1).contiguous();  // (N, 3073)
        File.WriteAllBytes(file, records.bytes.ToArray());
    }
}
