namespace Cnnexp.Scripting.Loading;

/// <summary>How hooks are loaded.</summary>
public sealed record HookOptions
{
    /// <summary>False refuses any spec that names a script (`cnnexp run --no-hooks`): hooks are code that runs with your rights.</summary>
    public bool Allowed { get; init; } = true;

    /// <summary>Where compiled hooks are cached; the edge passes $CNNEXP_CACHE/hooks (<see cref="Engine.Host.HostSettings.HookCache"/>).</summary>
    public string CacheDirectory { get; init; } = new Engine.Host.HostSettings().HookCache;
}
