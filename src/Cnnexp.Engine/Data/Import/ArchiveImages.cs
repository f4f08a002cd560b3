using System.Formats.Tar;
using System.IO.Compression;
using Cnnexp.Engine.Data.ImageFolders;

namespace Cnnexp.Engine.Data.Import;

/// <summary>The images of an archive laid out as [PREFIX/]train/CLASS/FILE and [PREFIX/]test/CLASS/FILE.</summary>
public sealed record ArchiveImages(IReadOnlyList<string> Classes, IReadOnlyList<EncodedImage> Train, IReadOnlyList<EncodedImage> Test)
{
    static readonly string[] Extensions = [".png", ".jpg", ".jpeg"];

    /// <summary>
    /// An image is read whole into memory, sized by its tar header: a header claiming 3 GB was an
    /// OverflowException (found by fuzzing). A 4,096 x 4,096 RGBA PNG stored without compression is 64 MiB.
    /// </summary>
    const long MaxImageBytes = 256L << 20;

    /// <summary>
    /// Reads the images straight from the .tar.gz into memory: nothing is written to disk, which
    /// for 60,000 small files is many times faster than unpacking them.
    /// </summary>
    public static ArchiveImages Read(string archive)
    {
        var found = new List<(string Split, string Class, string Name, byte[] Bytes)>();
        try
        {
            using var file = File.OpenRead(archive);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new TarReader(gzip);
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null) continue;
                var parts = entry.Name.Split('/', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length < 3 || parts[^3] is not ("train" or "test") || parts[^1].StartsWith('.')
                    || !Extensions.Contains(Path.GetExtension(parts[^1]).ToLowerInvariant())) continue;
                if (entry.Length > MaxImageBytes)
                    throw new DataException($"`{archive}`: entry `{entry.Name}` says it holds {DataErrors.N(entry.Length)} bytes; " +
                        $"an image may hold at most {DataErrors.N(MaxImageBytes)} (the archive is damaged or not a data set)");
                var bytes = new byte[entry.Length];
                entry.DataStream.ReadExactly(bytes);
                found.Add((parts[^3], parts[^2], entry.Name, bytes));
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or OverflowException or InvalidOperationException)   // as SafeTar
        {
            throw new DataException($"`{archive}` is not a complete .tar.gz archive ({e.Message}).");
        }
        catch (NotSupportedException e)
        {
            throw new DataException($"`{archive}` uses a tar feature cnnexp cannot read ({e.Message}).");
        }
        var classes = found.Where(f => f.Split == "train").Select(f => f.Class).Distinct().Order(StringComparer.Ordinal).ToList();
        if (found.FirstOrDefault(f => f.Split == "test" && !classes.Contains(f.Class)) is { Name: not null } stray)
            throw new DataException($"`{archive}`: `{stray.Name}` is in class `{stray.Class}`, which train/ does not have: every label must come from the class list");
        List<EncodedImage> Split(string split) => found.Where(f => f.Split == split)
            .OrderBy(f => f.Class, StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => new EncodedImage($"{archive}:{f.Name}", classes.IndexOf(f.Class), Bytes: f.Bytes)).ToList();
        return new ArchiveImages(classes, Split("train"), Split("test"));
    }
}
