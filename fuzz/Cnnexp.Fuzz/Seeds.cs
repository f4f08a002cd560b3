using System.Buffers.Binary;
using System.Formats.Tar;
using System.IO.Compression;
using Cnnexp.Fuzz.Targets;
using SkiaSharp;

namespace Cnnexp.Fuzz;

/// <summary>
/// Writes the starting corpus of the binary targets (`Cnnexp.Fuzz --seeds fuzz/corpus`): tiny
/// valid files of every format the readers take, and a few archives the extractor must refuse.
/// The spec targets start from the spec goldens and experiments, copied by hand.
/// </summary>
static class Seeds
{
    public static void Write(string corpus)
    {
        var data = Directory.CreateDirectory(Path.Combine(corpus, "data")).FullName;
        Save(data, "cifar10-1-record", Data(0, 0b010, Cifar(1, 1, 3)));
        Save(data, "cifar100-2-records", Data(0, 0b101, Cifar(2, 2, 42)));
        Save(data, "cifar-empty", Data(0, 0, []));
        Save(data, "idx3-2x2", Data(1, 1, Idx3(3, 2, 2)));
        Save(data, "idx3-28x28", Data(1, 0, Idx3(1, 28, 28)));
        Save(data, "idx1-labels", Data(2, 0, Idx1(0, 3, 9, 1)));
        Save(data, "mnist-gzip", Data(3, 0, Gzip(Idx3(1, 28, 28))));
        Save(data, "mnist-plain", Data(3, 0, Idx1(7)));
        Save(data, "image-png", Data(4, 0, Sandbox.Png(8, 10)));
        Save(data, "image-png-gray-resized", Data(4, 0b1111, Sandbox.Png(5, 60)));
        Save(data, "image-jpeg", Data(4, 0, Jpeg(8)));

        var tar = Directory.CreateDirectory(Path.Combine(corpus, "tar")).FullName;
        Save(tar, "ustar-files", Tar(TarEntryFormat.Ustar, ("top/", null), ("top/a.bin", "abc"), ("top/sub/b.bin", "")));
        Save(tar, "pax-dot-segments", Tar(TarEntryFormat.Pax, ("./top/x.bin", "x"), ("top/sub/../y.bin", "y")));
        Save(tar, "gnu-long-name", Tar(TarEntryFormat.Gnu, ($"top/{new string('n', 150)}.bin", "long")));
        Save(tar, "v7-file", Tar(TarEntryFormat.V7, ("a.bin", "v7")));
        Save(tar, "gzipped", Gzip(Tar(TarEntryFormat.Pax, ("top/a.bin", "gz"))));
        Save(tar, "refused-parent", Tar(TarEntryFormat.Pax, ("../evil.bin", "evil")));
        Save(tar, "refused-symlink", Link(TarEntryType.SymbolicLink, "link", "../.."));
        Save(tar, "refused-hardlink", Link(TarEntryType.HardLink, "hard", "/etc/passwd"));
    }

    static void Save(string dir, string name, byte[] bytes) => File.WriteAllBytes(Path.Combine(dir, name), bytes);

    static byte[] Data(byte mode, byte settings, byte[] file) => [mode, settings, .. file];

    static byte[] Cifar(int records, int labelBytes, byte label)
    {
        int size = labelBytes + 3072;
        var bytes = new byte[records * size];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(i * 7);
        for (int r = 0; r < records; r++) bytes[r * size + labelBytes - 1] = label;
        if (labelBytes == 2) for (int r = 0; r < records; r++) bytes[r * size] = 5;
        return bytes;
    }

    static byte[] Idx3(int count, int rows, int cols)
    {
        var bytes = new byte[16 + count * rows * cols];
        BinaryPrimitives.WriteInt32BigEndian(bytes, 0x0803);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), cols);
        for (int i = 16; i < bytes.Length; i++) bytes[i] = (byte)i;
        return bytes;
    }

    static byte[] Idx1(params byte[] labels)
    {
        var bytes = new byte[8 + labels.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, 0x0801);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), labels.Length);
        labels.CopyTo(bytes, 8);
        return bytes;
    }

    static byte[] Jpeg(int side)
    {
        using var bitmap = new SKBitmap(side, side);
        bitmap.Erase(new SKColor(200, 30, 90));
        using var encoded = bitmap.Encode(SKEncodedImageFormat.Jpeg, 80);
        return encoded.ToArray();
    }

    static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(content);
        return buffer.ToArray();
    }

    static byte[] Tar(TarEntryFormat format, params (string Name, string? Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, format, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                TarEntryType type = text is null ? TarEntryType.Directory : format == TarEntryFormat.V7 ? TarEntryType.V7RegularFile : TarEntryType.RegularFile;
                TarEntry entry = format switch
                {
                    TarEntryFormat.Ustar => new UstarTarEntry(type, name),
                    TarEntryFormat.Gnu => new GnuTarEntry(type, name),
                    TarEntryFormat.V7 => new V7TarEntry(type, name),
                    _ => new PaxTarEntry(type, name),
                };
                if (text is not null) entry.DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
                writer.WriteEntry(entry);
            }
        return buffer.ToArray();
    }

    static byte[] Link(TarEntryType type, string name, string target)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "top/ok.bin") { DataStream = new MemoryStream([1, 2, 3]) });
            writer.WriteEntry(new PaxTarEntry(type, name) { LinkName = target });
        }
        return buffer.ToArray();
    }
}
