using Cnnexp.Engine.Data;
using Cnnexp.Engine.Training;

namespace Cnnexp.Engine.Host;

/// <summary>
/// What the process environment asks of cnnexp, read in one place — <see cref="FromEnvironment"/>,
/// called by the command line at start-up and by the facade when a caller passes nothing — and
/// passed down explicitly from there. Nothing below the edge reads an environment variable (a test in
/// Cnnexp.Engine.Tests guards this); glibc's own <c>MALLOC_*</c> settings, which
/// <see cref="Native.MallocTuning"/> respects, are the one exception, because glibc reads them too.
/// </summary>
public sealed record HostSettings
{
    /// <summary>Cores this process may use: $CNNEXP_THREADS, else $SLURM_CPUS_PER_TASK, else all.</summary>
    public int Cores { get; init; } = Environment.ProcessorCount;

    /// <summary>Layout of new runs from $CNNEXP_LAYOUT (<c>nchw</c> or <c>channels_last</c>); null: the device's default.</summary>
    public bool? ChannelsLast { get; init; }

    /// <summary>
    /// bf16 from $CNNEXP_BF16: <c>emulated</c> (fp32 arithmetic on bf16-rounded values) or <c>native</c>
    /// (libtorch's bf16 kernels); null: emulated where the CPU has no bf16 instructions.
    /// </summary>
    public bool? EmulateBf16 { get; init; }

    /// <summary>Data cache, downloads and mirror: $CNNEXP_DATA, $CNNEXP_OFFLINE, $CNNEXP_DATA_MIRROR, $XDG_CACHE_HOME.</summary>
    public DataOptions Data { get; init; } = new();

    /// <summary>Compiled hooks: $CNNEXP_CACHE/hooks, else $XDG_CACHE_HOME/cnnexp/hooks, else ~/.cache/cnnexp/hooks.</summary>
    public string HookCache { get; init; } = Path.Combine(DataOptions.UserCache, "cnnexp", "hooks");

    /// <summary>The settings the environment gives; <paramref name="get"/> replaces it in tests.</summary>
    /// <exception cref="SettingsException">A variable holds a value cnnexp cannot use (e.g. CNNEXP_LAYOUT=nhwc).</exception>
    /// <param name="processors">The cores the machine gives this process (null: <see cref="Environment.ProcessorCount"/>).</param>
    public static HostSettings FromEnvironment(Func<string, string?>? get = null, int? processors = null)
    {
        get ??= Environment.GetEnvironmentVariable;
        string? Value(string name) => get(name) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        int machine = processors ?? Environment.ProcessorCount, cores = machine;
        foreach (var name in new[] { "CNNEXP_THREADS", "SLURM_CPUS_PER_TASK" })
            if (Value(name) is { } text)
            {
                if (!int.TryParse(text, out int n) || n < 1)
                    throw new SettingsException($"{name}={text} is not a number of threads: use a whole number from 1 to {machine} (this machine's cores), or unset it");
                // More threads than cores spin against each other (many times slower): the user's own budget is refused;
                // Slurm's grant is capped at what the process can see (a node without CPU binding shows all its cores).
                if (n > machine && name == "CNNEXP_THREADS")
                    throw new SettingsException($"{name}={text} is more than this machine's {machine} cores: use a whole number from 1 to {machine}, or unset it");
                cores = Math.Min(n, machine);
                break;
            }

        bool? layout = Value("CNNEXP_LAYOUT") switch
        {
            null => null,
            var v when v.Equals(Modules.ChannelsLast.NchwToken, StringComparison.OrdinalIgnoreCase) => false,
            var v when v.Equals(Modules.ChannelsLast.Token, StringComparison.OrdinalIgnoreCase)
                       || v.Equals("channels-last", StringComparison.OrdinalIgnoreCase) => true,
            var v => throw new SettingsException($"CNNEXP_LAYOUT={v} is not a layout: use `nchw` (PyTorch's default) or `channels_last`, or unset it"),
        };

        bool? emulate = Value("CNNEXP_BF16") switch
        {
            null => null,
            var v when v.Equals("emulated", StringComparison.OrdinalIgnoreCase) => true,
            var v when v.Equals("native", StringComparison.OrdinalIgnoreCase) => false,
            var v => throw new SettingsException($"CNNEXP_BF16={v} is not a bf16 mode: use `native` (libtorch's bf16 kernels) or `emulated` (fp32 arithmetic on bf16-rounded values), or unset it"),
        };

        string cacheHome = Value("XDG_CACHE_HOME") is { } xdg && Path.IsPathRooted(xdg) ? xdg : DataOptions.UserCache;
        return new HostSettings
        {
            Cores = cores,
            ChannelsLast = layout,
            EmulateBf16 = emulate,
            Data = new DataOptions
            {
                Root = Value("CNNEXP_DATA"),
                CacheHome = cacheHome,
                Download = Value("CNNEXP_OFFLINE") is not ("1" or "true"),
                Mirror = Value("CNNEXP_DATA_MIRROR"),
            },
            HookCache = Value("CNNEXP_CACHE") is { } c ? Path.Combine(c, "hooks") : Path.Combine(cacheHome, "cnnexp", "hooks"),
        };
    }
}
