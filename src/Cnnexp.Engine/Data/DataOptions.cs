using Cnnexp.Engine.Data.Downloads;

namespace Cnnexp.Engine.Data;

/// <summary>
/// How data sets are found and fetched. Nothing here reads the environment: the command line and the
/// facade fill it from <see cref="Host.HostSettings.FromEnvironment"/>.
/// </summary>
public sealed record DataOptions
{
    /// <summary>The data cache folder when the spec names no `data.root`; null: CACHE_HOME/cnnexp/datasets.</summary>
    public string? Root { get; init; }

    /// <summary>The user's cache folder ($XDG_CACHE_HOME at the edge, else ~/.cache); the default data root is in it.</summary>
    public string CacheHome { get; init; } = UserCache;

    /// <summary>~/.cache.</summary>
    public static string UserCache => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");

    /// <summary>Download missing files; false: report which files to place where, and stop.</summary>
    public bool Download { get; init; } = true;

    /// <summary>A base URL that replaces every official download address (a local mirror); null: the official ones.</summary>
    public string? Mirror { get; init; }

    /// <summary>Read-only folders searched before downloading, as FOLDER/NAME/FILE (Debian's dataset packages install there).</summary>
    public IReadOnlyList<string> SystemFolders { get; init; } = ["/usr/share/datasets"];

    /// <summary>Give up on a connection, or on a download that receives nothing, after this long.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Threads that decode image folders; 0: every core.</summary>
    public int DecodeThreads { get; init; }

    /// <summary>Download progress, for a progress bar; null for none.</summary>
    public IProgress<DownloadProgress>? Progress { get; init; }

    /// <summary>One line per step worth telling (downloading, verifying, decoding); null for silence.</summary>
    public Action<string>? Log { get; init; }
}
