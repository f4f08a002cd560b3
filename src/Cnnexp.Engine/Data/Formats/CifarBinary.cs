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

    /// <summary>Records read and copied at a time: a 3 MB buffer, so loading needs little memory beyond the split itself.</summary>
    const int ChunkRecords = 1000;

    /// <summary>
    /// Reads files of <paramref name="expected"/> records each into one split, checking sizes and labels.
    /// The split's tensors are allocated once and filled chunk by chunk: reading whole files and
    /// concatenating them kept about 2.5 times the data set's size resident (the allocator keeps
    /// freed 30 MB blocks), which made a CIFAR-10 run's peak memory higher than the notebook's.
    /// </summary>
    public static ImageSplit Read(IReadOnlyList<string> files, IReadOnlyList<int> expected, int labelBytes, int labelIndex, int classes, string dataset)
    {
        int record = labelBytes + ImageBytes;
        for (int i = 0; i < files.Count; i++)
        {
            long length = new FileInfo(files[i]).Length;
            if (length != (long)expected[i] * record)
                throw DataErrors.WrongLength(files[i], length, (long)expected[i] * record,
                    $"{DataErrors.N(expected[i])} records of {DataErrors.N(record)} bytes ({labelBytes} label byte(s), then 3,072 pixel bytes: 1,024 red, 1,024 green, 1,024 blue)");
        }
        long total = expected.Sum(n => (long)n);
        var images = empty([total, 3, Side, Side], ScalarType.Byte);                        // (N, 3, 32, 32) uint8
        var labels = empty([total], ScalarType.Int64);                                      // (N)
        try
        {
            var buffer = new byte[ChunkRecords * record];
            long offset = 0;
            for (int i = 0; i < files.Count; i++)
            {
                using var stream = new FileStream(files[i], FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
                for (int done = 0; done < expected[i]; done += ChunkRecords)
                {
                    int n = Math.Min(ChunkRecords, expected[i] - done);
                    if (buffer.Length != n * record) buffer = new byte[n * record];   // a file's last, shorter chunk
                    stream.ReadExactly(buffer);
                    using var scope = NewDisposeScope();
                    var raw = tensor(buffer, [n, record]);                                   // (n, label + 3072) uint8
                    var chunkLabels = raw.select(1, labelIndex).to_type(ScalarType.Int64);   // (n)
                    CheckLabels(chunkLabels, files[i], done, classes, dataset);
                    labels.narrow(0, offset, n).copy_(chunkLabels);
                    images.narrow(0, offset, n).copy_(raw.narrow(1, labelBytes, ImageBytes).reshape(n, 3, Side, Side));
                    offset += n;
                }
            }
            return new ImageSplit(images, labels);
        }
        catch
        {
            images.Dispose();
            labels.Dispose();
            throw;
        }
    }

    static void CheckLabels(Tensor labels, string file, long firstRecord, int classes, string dataset)
    {
        if (labels.numel() == 0 || labels.max().item<long>() < classes) return;
        long record = labels.ge(classes).nonzero()[0, 0].item<long>();
        throw DataErrors.LabelOutOfRange(file, firstRecord + record, labels[record].item<long>(), classes, dataset);
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
