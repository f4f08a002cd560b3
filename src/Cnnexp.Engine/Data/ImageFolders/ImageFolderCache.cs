using System.Security.Cryptography;
using System.Text;
using Cnnexp.Spec.Datasets;
using Cnnexp.Spec.Planning;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Data.ImageFolders;

/// <summary>
/// The decoded pixels of an image folder in one binary file, ROOT/imagefolder/HASH.bin, so the
/// next run starts at once. The file records a key — a hash of the folder's file list, each
/// file's size and time, and the decode settings — and is used only while that key matches.
/// Layout: magic, key (32 bytes), C, H, W, then per split: count, int32 labels, uint8 pixels.
/// </summary>
static class ImageFolderCache
{
    static readonly byte[] Magic = "CNXIMG01"u8.ToArray();

    public static string PathFor(string cacheRoot, string folder) => Path.Combine(cacheRoot, "imagefolder",
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folder)))[..16] + ".bin");

    public static byte[] Key(ImageFolderLayout layout, Shape shape, bool resize)
    {
        var text = new StringBuilder($"v1\n{shape}\nresize={resize}\n{string.Join("/", layout.Classes)}\n");
        foreach (var (name, files) in new[] { ("train", layout.Train), ("test", layout.Test ?? []) })
        {
            text.Append(name).Append('\n');
            foreach (var f in files)
                text.Append(Path.GetRelativePath(layout.Root, f.Path)).Append('\t').Append(f.Label).Append('\t')
                    .Append(f.Length).Append('\t').Append(f.LastWriteTicks).Append('\n');
        }
        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>The cached splits (test null when the folder has none), or null when absent, stale or unreadable.</summary>
    public static (ImageSplit Train, ImageSplit? Test)? TryRead(string path, byte[] key, Shape shape)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (!reader.ReadBytes(Magic.Length).SequenceEqual(Magic) || !reader.ReadBytes(key.Length).SequenceEqual(key)) return null;
            if (reader.ReadInt32() != shape.C || reader.ReadInt32() != shape.H || reader.ReadInt32() != shape.W) return null;
            var train = ReadSplit(reader, shape);
            var test = reader.ReadBoolean() ? ReadSplit(reader, shape) : null;
            return (train, test);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or ArgumentException or OverflowException)
        {
            return null;                                  // a damaged cache is rebuilt, never trusted
        }
    }

    static ImageSplit ReadSplit(BinaryReader reader, Shape shape)
    {
        int count = reader.ReadInt32();
        long left = reader.BaseStream.Length - reader.BaseStream.Position;
        if (count < 0 || count > left / (4 + shape.Elements)) throw new EndOfStreamException();   // a damaged count: no allocation it implies
        var labels = new long[count];
        for (int i = 0; i < count; i++) labels[i] = reader.ReadInt32();
        var pixels = reader.ReadBytes(checked((int)(count * shape.Elements)));
        if (pixels.Length != count * shape.Elements) throw new EndOfStreamException();
        return new ImageSplit(tensor(pixels, shape.WithBatch(count)), tensor(labels));
    }

    /// <summary>Writes to a temporary name, then renames: a crash never leaves a half-written cache.</summary>
    public static void Write(string path, byte[] key, ImageSplit train, ImageSplit? test)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temp = $"{path}.{Guid.NewGuid():n}.tmp";
        try
        {
            using (var writer = new BinaryWriter(File.Create(temp)))
            {
                writer.Write(Magic);
                writer.Write(key);
                foreach (long d in train.Images.shape.Skip(1)) writer.Write((int)d);
                WriteSplit(writer, train);
                writer.Write(test is not null);
                if (test is not null) WriteSplit(writer, test);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    static void WriteSplit(BinaryWriter writer, ImageSplit split)
    {
        writer.Write(split.Count);
        foreach (long label in split.Labels.data<long>()) writer.Write((int)label);
        using var pixels = split.Images.contiguous();
        writer.Write(pixels.bytes);
    }
}
