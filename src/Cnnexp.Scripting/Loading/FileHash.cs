using System.Security.Cryptography;

namespace Cnnexp.Scripting.Loading;

/// <summary>A file and the SHA-256 of its content.</summary>
sealed record FileHash(string Path, string Sha256)
{
    public static FileHash Of(string path) => new(path, Hash(path));

    public static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>True when the file still exists with the same content.</summary>
    public bool Unchanged() => File.Exists(Path) && Hash(Path) == Sha256;
}
