namespace Cnnexp.Scripting.Loading;

/// <summary>hook.json of a cache entry: what was compiled, from which files, into which entry type.</summary>
sealed record CacheEntry
{
    public required string EntryType { get; init; }
    public required IReadOnlyList<FileHash> Sources { get; init; }
    public required IReadOnlyList<FileHash> References { get; init; }
    public required string Created { get; init; }
}
