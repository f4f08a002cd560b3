using System.Buffers.Binary;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using SkiaSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace Cnnexp.Data.Tests.Support;

/// <summary>
/// Writers for tiny files in each official format, written here independently of the product's
/// readers (so a shared misunderstanding of a format cannot pass unnoticed). Pixel values are a
/// function of (image, channel, position), so a test can say what each one must be.
/// </summary>
public static class Fixtures
{
    /// <summary>Pixel value of image i, channel c, flat position p.</summary>
    public static byte Pixel(int i, int c, int p) => (byte)((i * 31 + c * 7 + p * 3) % 251);

    /// <summary>CIFAR records: label byte(s), then 1,024 red, 1,024 green, 1,024 blue values.</summary>
    public static byte[] CifarRecords(int count, int[] labels, int labelBytes = 1, int first = 0)
    {
        int record = labelBytes + 3072;
        var bytes = new byte[count * record];
        for (int i = 0; i < count; i++)
        {
            if (labelBytes == 2) bytes[i * record] = (byte)((labels[i] * 7 + 3) % 20);   // CIFAR-100's coarse label comes first
            bytes[i * record + labelBytes - 1] = (byte)labels[i];
            for (int c = 0; c < 3; c++)
                for (int p = 0; p < 1024; p++)
                    bytes[i * record + labelBytes + c * 1024 + p] = Pixel(first + i, c, p);
        }
        return bytes;
    }

    public static byte[] IdxImages(int count, int rows, int cols)
    {
        var bytes = new byte[16 + count * rows * cols];
        BinaryPrimitives.WriteInt32BigEndian(bytes, 0x0803);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), cols);
        for (int i = 0; i < count; i++)
            for (int p = 0; p < rows * cols; p++)
                bytes[16 + i * rows * cols + p] = Pixel(i, 0, p);
        return bytes;
    }

    public static byte[] IdxLabels(int[] labels)
    {
        var bytes = new byte[8 + labels.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, 0x0801);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), labels.Length);
        for (int i = 0; i < labels.Length; i++) bytes[8 + i] = (byte)labels[i];
        return bytes;
    }

    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(content);
        return output.ToArray();
    }

    /// <summary>Same shape and every element equal.</summary>
    public static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    public static string Md5(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));

    /// <summary>One entry of a crafted tarball.</summary>
    public sealed record TarItem(string Name, byte[]? Data = null, TarEntryType Type = TarEntryType.RegularFile, string? LinkName = null);

    public static byte[] TarGz(params TarItem[] items)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new TarWriter(gzip, TarEntryFormat.Pax))
            foreach (var item in items)
            {
                var entry = new PaxTarEntry(item.Type, item.Name);
                if (item.Data is not null) entry.DataStream = new MemoryStream(item.Data);
                if (item.LinkName is not null) entry.LinkName = item.LinkName;
                writer.WriteEntry(entry);
            }
        return output.ToArray();
    }

    /// <summary>Writes an image whose pixel (x, y) is a function of (seed, x, y), as PNG or JPEG.</summary>
    public static void Image(string path, int width, int height, int seed, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)(seed * 40 + x * 5), (byte)(y * 7 + seed), (byte)(seed * 13 + x + y)));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var data = bitmap.Encode(format, 95);
        File.WriteAllBytes(path, data.ToArray());
    }
}
