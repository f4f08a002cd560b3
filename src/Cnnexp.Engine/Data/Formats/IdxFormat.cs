using System.Buffers.Binary;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Data.Formats;

/// <summary>
/// The IDX format of MNIST and Fashion-MNIST: a magic number (0x0000 0x08 = unsigned bytes, then
/// the number of dimensions), each dimension as a big-endian int32, then the values row-major.
/// </summary>
public static class IdxFormat
{
    /// <summary>Images (N, 1, rows, cols) uint8 from an idx3 file's content.</summary>
    public static Tensor ReadImages(byte[] content, string file, int rows, int cols)
    {
        var dims = Header(content, file, 3, "images (idx3-ubyte)");
        if (dims[1] != rows || dims[2] != cols)
            throw DataErrors.Corrupt(file, $"its images are {dims[1]}x{dims[2]}", $"{rows}x{cols}");
        CheckLength(content, file, dims, $"{DataErrors.N(dims[0])} images of {rows}x{cols}");
        return tensor(content.AsSpan(16).ToArray(), [dims[0], 1, rows, cols]);       // (N, 1, H, W)
    }

    /// <summary>Labels (N) int64 from an idx1 file's content, each checked against the class count.</summary>
    public static Tensor ReadLabels(byte[] content, string file, int classes, string dataset)
    {
        var dims = Header(content, file, 1, "labels (idx1-ubyte)");
        CheckLength(content, file, dims, $"{DataErrors.N(dims[0])} labels");
        var values = content.AsSpan(8);
        for (int i = 0; i < values.Length; i++)
            if (values[i] >= classes) throw DataErrors.LabelOutOfRange(file, i, values[i], classes, dataset);
        var labels = new long[values.Length];
        for (int i = 0; i < labels.Length; i++) labels[i] = values[i];
        return tensor(labels);
    }

    static int[] Header(byte[] content, string file, int rank, string what)
    {
        int headerBytes = 4 + 4 * rank;
        if (content.Length < headerBytes)
            throw DataErrors.WrongLength(file, content.Length, headerBytes, $"at least an IDX header of {headerBytes} bytes");
        if (content[0] != 0 || content[1] != 0 || content[2] != 0x08 || content[3] != rank)
            throw DataErrors.Corrupt(file, $"its magic number is 0x{BinaryPrimitives.ReadUInt32BigEndian(content):X8}",
                $"0x{0x800 + rank:X8} (IDX {what})");
        var dims = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(content.AsSpan(4 + 4 * i));
            if (dims[i] < 0) throw DataErrors.Corrupt(file, $"dimension {i} is {dims[i]}", "a size of 0 or more");
        }
        return dims;
    }

    static void CheckLength(byte[] content, string file, int[] dims, string promise)
    {
        long expected = 4 + 4L * dims.Length + dims.Aggregate(1L, (a, d) => a * d);
        if (content.Length != expected)
            throw DataErrors.WrongLength(file, content.Length, expected, $"its header promises {promise}");
    }
}
