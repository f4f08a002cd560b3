using Cnnexp.Engine.Data.Downloads;

namespace Cnnexp.Engine.Data;

/// <summary>
/// How data sets are found and fetched. Nothing is read from global state but through
/// <see cref="FromEnvironment"/>, which the command line uses.
/// </summary>
public sealed record DataOptions
{
    /// <summary>The data cache folder when the spec names no `data.root`; null: <see cref="DataRoot.Default"/>.</summary>
    public string? Root { get; init; }

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

    /// <summary>
    /// Options from the environment: <c>CNNEXP_DATA</c> (cache folder), <c>CNNEXP_OFFLINE=1</c>
    /// (never download) and <c>CNNEXP_DATA_MIRROR</c> (a base URL serving the official file names).
    /// </summary>
    public static DataOptions FromEnvironment(Action<string>? log = null) => new()
    {
        Root = NonEmpty(Environment.GetEnvironmentVariable("CNNEXP_DATA")),
        Download = Environment.GetEnvironmentVariable("CNNEXP_OFFLINE") is not ("1" or "true"),
        Mirror = NonEmpty(Environment.GetEnvironmentVariable("CNNEXP_DATA_MIRROR")),
        Log = log,
    };

    static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
