using System.Buffers.Binary;

namespace Cnnexp.Spec.Datasets;

/// <summary>
/// Width and height of a PNG or JPEG read from its first bytes, without decoding: the planner
/// needs an image folder's shape, and the spec stage must not depend on an image library.
/// </summary>
public readonly record struct ImageHeader(int Width, int Height)
{
    /// <summary>The header of <paramref name="path"/>, or null when it is neither a PNG nor a JPEG with a readable frame header.</summary>
    public static ImageHeader? Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var head = new byte[24];
            int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (n >= 24 && IsPng(head)) return Png(head);
            if (n >= 4 && head[0] == 0xFF && head[1] == 0xD8) return Jpeg(stream);
            return null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    static bool IsPng(ReadOnlySpan<byte> b) =>
        b[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && b[12..16].SequenceEqual("IHDR"u8);

    // IHDR is always the first chunk: width and height are big-endian at bytes 16 and 20.
    static ImageHeader Png(ReadOnlySpan<byte> b) =>
        new(BinaryPrimitives.ReadInt32BigEndian(b[16..]), BinaryPrimitives.ReadInt32BigEndian(b[20..]));

    /// <summary>Walks the JPEG segments to the first start-of-frame marker, which holds the size.</summary>
    static ImageHeader? Jpeg(Stream s)
    {
        s.Position = 2;
        var buf = new byte[7];
        while (true)
        {
            int b = s.ReadByte();
            if (b < 0) return null;
            if (b != 0xFF) continue;
            int marker;
            do marker = s.ReadByte(); while (marker == 0xFF);       // fill bytes
            if (marker < 0) return null;
            if (marker is 0x01 or >= 0xD0 and <= 0xD7) continue;    // markers without a length
            if (s.ReadAtLeast(buf.AsSpan(0, 2), 2, false) < 2) return null;
            int length = BinaryPrimitives.ReadUInt16BigEndian(buf);
            bool frame = marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);
            if (frame)
            {
                if (s.ReadAtLeast(buf.AsSpan(0, 5), 5, false) < 5) return null;
                return new ImageHeader(BinaryPrimitives.ReadUInt16BigEndian(buf.AsSpan(3)), BinaryPrimitives.ReadUInt16BigEndian(buf.AsSpan(1)));
            }
            if (length < 2) return null;
            s.Seek(length - 2, SeekOrigin.Current);
        }
    }
}
