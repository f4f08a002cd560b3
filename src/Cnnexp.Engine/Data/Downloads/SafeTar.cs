using System.Formats.Tar;
using System.IO.Compression;

namespace Cnnexp.Engine.Data.Downloads;

/// <summary>
/// Unpacks a .tar.gz into a new folder, refusing any entry that could write outside it: absolute
/// paths, paths whose `..` climb out, and links (symbolic or hard; the official archives have
/// none, and a link inside the folder can redirect a later entry anywhere). On any failure the
/// folder is deleted, so nothing half-extracted is left behind.
/// </summary>
public static class SafeTar
{
    public static void ExtractTarGz(string archive, string destination)
    {
        if (Directory.Exists(destination) || File.Exists(destination))
            throw new IOException($"`{destination}` already exists; extraction needs a new folder");
        Directory.CreateDirectory(destination);
        try
        {
            using var file = File.OpenRead(archive);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new TarReader(gzip);
            string root = Path.GetFullPath(destination) + Path.DirectorySeparatorChar;
            while (reader.GetNextEntry() is { } entry)
                Extract(entry, root, archive);
        }
        // Besides the usual exceptions of damaged data, System.Formats.Tar throws OverflowException for
        // a numeric header field out of range (a GNU or PAX timestamp) and InvalidOperationException
        // for a PAX attributes block larger than it allows (both found by fuzzing). Extract throws neither.
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or OverflowException or InvalidOperationException)
        {
            Directory.Delete(destination, recursive: true);
            throw new DataException($"`{archive}` is not a complete .tar.gz archive ({e.Message}); delete it and fetch it again.");
        }
        catch (NotSupportedException e)                  // e.g. a GNU sparse file (found by fuzzing)
        {
            Directory.Delete(destination, recursive: true);
            throw new DataException($"`{archive}` uses a tar feature cnnexp cannot read ({e.Message}); nothing was extracted.");
        }
        catch
        {
            Directory.Delete(destination, recursive: true);
            throw;
        }
    }

    static void Extract(TarEntry entry, string root, string archive)
    {
        // .NET refuses a path with a NUL (an ArgumentException; found by fuzzing in a PAX name).
        if (entry.Name.Contains('\0') || entry.LinkName.Contains('\0'))
            throw Refused(archive, entry.Name.Replace('\0', '?'), "has a NUL character in its name");
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                string folder = Target(entry.Name, root, archive);
                if (File.Exists(folder) || Collides(folder, root)) throw Refused(archive, entry.Name, Collision);
                Directory.CreateDirectory(folder);
                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                string path = Target(entry.Name, root, archive);
                if (path + Path.DirectorySeparatorChar == root)
                    throw Refused(archive, entry.Name, "is a file that names the folder itself");
                if (Path.EndsInDirectorySeparator(path))                 // `a/` as a file: found by fuzzing
                    throw Refused(archive, entry.Name, "is a file whose name ends in `/`, as a folder's does");
                if (Directory.Exists(path) || Collides(path, root)) throw Refused(archive, entry.Name, Collision);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using (var output = File.Create(path))         // our own permissions, not the archive's
                    entry.DataStream?.CopyTo(output);
                break;
            case TarEntryType.SymbolicLink or TarEntryType.HardLink:
                bool escapes = !IsInside(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.Combine(root, entry.Name))!, entry.LinkName)), root);
                throw Refused(archive, entry.Name, $"is a link to `{entry.LinkName}`{(escapes ? ", outside the folder" : "")}; only files and folders are extracted");
            case TarEntryType.GlobalExtendedAttributes:
                break;
            default:
                throw Refused(archive, entry.Name, $"is a {entry.EntryType} entry; only files and folders are extracted");
        }
    }

    /// <summary>The full path an entry writes to, after checking it stays inside <paramref name="root"/>.</summary>
    static string Target(string name, string root, string archive)
    {
        if (Path.IsPathRooted(name) || name.StartsWith('/') || name.StartsWith('\\'))
            throw Refused(archive, name, "has an absolute path");
        string full = Path.GetFullPath(Path.Combine(root, name));
        if (!IsInside(full, root) && full + Path.DirectorySeparatorChar != root)
            throw Refused(archive, name, "climbs out of the folder with `..`");
        return full;
    }

    static bool IsInside(string full, string root) => full.StartsWith(root, StringComparison.Ordinal);

    const string Collision = "collides with an earlier entry: one name is both a file and a folder";

    /// <summary>True when a folder on the way from <paramref name="root"/> to <paramref name="full"/> is already a file (found by fuzzing: an IOException before).</summary>
    static bool Collides(string full, string root)
    {
        for (string? dir = Path.GetDirectoryName(full); dir is not null && IsInside(dir + Path.DirectorySeparatorChar, root) && dir + Path.DirectorySeparatorChar != root;
             dir = Path.GetDirectoryName(dir))
            if (File.Exists(dir)) return true;
        return false;
    }

    static DataException Refused(string archive, string name, string why) =>
        new($"`{archive}`: entry `{name}` {why}. The archive is unsafe or not the official one; nothing was extracted.");
}
