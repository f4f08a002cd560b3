using System.IO.Compression;
using Cnnexp.Engine.Data;
using Cnnexp.Engine.Data.Downloads;
using Cnnexp.Engine.Data.Import;

namespace Cnnexp.Fuzz.Targets;

/// <summary>
/// The .tar.gz extractor, then the archive image reader of `cnnexp data import`. Input: a tar stream (gzipped here, so mutations hit the tar headers), or
/// a gzip stream as it is. The extractor must write only inside its new folder, leave no folder
/// behind when it refuses (<see cref="DataException"/>), and extract only files and folders.
/// </summary>
public static class TarTarget
{
    public static void Run(byte[] input)
    {
        var before = Sandbox.Fixed();
        string dir = Sandbox.Fresh("run-tar");
        string archive = Path.Combine(dir, "archive.tar.gz"), output = Path.Combine(dir, "out");
        File.WriteAllBytes(archive, input is [0x1F, 0x8B, ..] ? input : Gzip(input));
        bool refused = false;
        try { SafeTar.ExtractTarGz(archive, output); }
        catch (DataException) { refused = true; }
        if (refused && Directory.Exists(output))
            throw new FuzzFinding("a refused archive left its folder behind");
        var outside = Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).Where(n => n is not ("archive.tar.gz" or "out")).ToList();
        if (outside.Count > 0 || !before.SequenceEqual(Sandbox.Fixed()))
            throw new FuzzFinding($"extraction wrote outside its folder: {string.Join(", ", outside)}");
        if (!refused && new DirectoryInfo(output).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).FirstOrDefault(f => f.LinkTarget is not null) is { } link)
            throw new FuzzFinding($"extraction made a link: {link.FullName} -> {link.LinkTarget}");
        // `cnnexp data import` reads the same archives' images straight into memory.
        try { ArchiveImages.Read(archive); }
        catch (DataException) { }
    }

    static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(content);
        return buffer.ToArray();
    }
}
