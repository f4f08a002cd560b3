namespace Cnnexp.Engine.Data.Downloads;

/// <summary>
/// One official file of a data set: its name, where it is published, and its published MD5.
/// <see cref="ContentMd5"/> is the MD5 of a .gz file's decompressed content, so a copy compressed
/// again (Debian's packages strip the gzip header's file name) still verifies.
/// </summary>
public sealed record RemoteFile(string Name, IReadOnlyList<string> Urls, string Md5, long Size)
{
    public string? ContentMd5 { get; init; }

    /// <summary>The name without <c>.gz</c>: how the file is called once decompressed.</summary>
    public string PlainName => Name.EndsWith(".gz", StringComparison.Ordinal) ? Name[..^3] : Name;
}
