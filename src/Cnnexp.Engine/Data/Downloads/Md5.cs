using System.Security.Cryptography;

namespace Cnnexp.Engine.Data.Downloads;

/// <summary>MD5 sums as lowercase hex: the official data sets publish MD5 (used for integrity, not security).</summary>
public static class Md5
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));

    public static string OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Convert.ToHexStringLower(MD5.HashData(stream));
    }
}
