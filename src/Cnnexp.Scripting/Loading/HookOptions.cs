namespace Cnnexp.Scripting.Loading;

/// <summary>How hooks are loaded.</summary>
public sealed record HookOptions
{
    /// <summary>False refuses any spec that names a script (`cnnexp run --no-hooks`): hooks are code that runs with your rights.</summary>
    public bool Allowed { get; init; } = true;

    /// <summary>Where compiled hooks are cached; null: $CNNEXP_CACHE/hooks or ~/.cache/cnnexp/hooks.</summary>
    public string? CacheDirectory { get; init; }
}
