using System.Security.Cryptography;

namespace Cnnexp.Figures.Report;

/// <summary>A file of the run directory with its size and SHA-256, for the report's manifest section.</summary>
public sealed record RunFileEntry(string Path, long Bytes, string Sha256)
{
    /// <summary>Every file under <paramref name="runDir"/> except the reports themselves, in ordinal path order.</summary>
    public static IReadOnlyList<RunFileEntry> List(string runDir, IReadOnlyCollection<string> exclude) =>
        Directory.EnumerateFiles(runDir, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(runDir, f).Replace('\\', '/'))
            .Where(p => !exclude.Contains(p) && !p.Contains(".tmp-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => new RunFileEntry(p, new FileInfo(System.IO.Path.Combine(runDir, p)).Length, Hash(System.IO.Path.Combine(runDir, p))))
            .ToList();

    static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
