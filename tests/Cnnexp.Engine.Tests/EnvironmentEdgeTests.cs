using Cnnexp.Engine.Host;
using Cnnexp.Engine.Training;

namespace Cnnexp.Engine.Tests;

/// <summary>
/// The environment is read at the edge (issue 14, docs/architecture.md): <see cref="HostSettings.FromEnvironment"/>
/// and the command line. Everything below takes its threads, layout, data root and caches as arguments.
/// </summary>
public class EnvironmentEdgeTests
{
    static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "README.md"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [Fact]
    public void Only_the_edge_reads_environment_variables()
    {
        string src = Path.Combine(RepoRoot(), "src");
        string[] allowed =
        [
            Path.Combine("Cnnexp.Engine", "Host", "HostSettings.cs"),       // the one place
            Path.Combine("Cnnexp.Engine", "Native", "MallocTuning.cs"),     // glibc's own MALLOC_* variables, which glibc reads too
        ];
        var readers = Directory.GetFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".fs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => File.ReadAllText(f).Contains("GetEnvironmentVariable", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(src, f))
            .Where(f => !allowed.Contains(f) && !f.StartsWith("Cnnexp.Cli" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList();
        Assert.True(readers.Count == 0, "read the environment in HostSettings.FromEnvironment and pass it down: " + string.Join(", ", readers));
    }

    [Fact]
    public void Host_settings_come_from_the_variables_given()
    {
        var vars = new Dictionary<string, string>
        {
            ["CNNEXP_THREADS"] = "3", ["SLURM_CPUS_PER_TASK"] = "7", ["CNNEXP_LAYOUT"] = "NCHW", ["CNNEXP_DATA"] = "/data", ["CNNEXP_BF16"] = "Emulated",
            ["CNNEXP_OFFLINE"] = "1", ["CNNEXP_DATA_MIRROR"] = "http://mirror/", ["XDG_CACHE_HOME"] = "/xdg", ["CNNEXP_CACHE"] = "/cc",
        };
        var host = HostSettings.FromEnvironment(name => vars.GetValueOrDefault(name), processors: 8);
        Assert.Equal(3, host.Cores);                    // CNNEXP_THREADS wins over Slurm's
        Assert.False(host.ChannelsLast);
        Assert.True(host.EmulateBf16);
        Assert.Equal("/data", host.Data.Root);
        Assert.False(host.Data.Download);
        Assert.Equal("http://mirror/", host.Data.Mirror);
        Assert.Equal("/xdg", host.Data.CacheHome);
        Assert.Equal("/cc/hooks", host.HookCache);

        vars.Remove("CNNEXP_THREADS");
        vars.Remove("CNNEXP_CACHE");
        vars["CNNEXP_LAYOUT"] = "channels_last";
        vars["CNNEXP_BF16"] = "native";
        host = HostSettings.FromEnvironment(name => vars.GetValueOrDefault(name), processors: 8);
        Assert.Equal(7, host.Cores);
        Assert.Equal(4, HostSettings.FromEnvironment(name => vars.GetValueOrDefault(name), processors: 4).Cores);   // Slurm's grant, capped at the cores there are
        Assert.True(host.ChannelsLast);
        Assert.False(host.EmulateBf16);
        Assert.Equal("/xdg/cnnexp/hooks", host.HookCache);
        Assert.Equal("/xdg/cnnexp/datasets", Data.DataRoot.Resolve(null, host.Data with { Root = null }));

        var none = HostSettings.FromEnvironment(_ => null);
        Assert.Equal(Environment.ProcessorCount, none.Cores);
        Assert.Null(none.ChannelsLast);
        Assert.Null(none.EmulateBf16);
        Assert.True(none.Data.Download);
    }

    [Theory]
    [InlineData("CNNEXP_LAYOUT", "nhwc", "CNNEXP_LAYOUT=nhwc is not a layout")]
    [InlineData("CNNEXP_BF16", "amx", "CNNEXP_BF16=amx is not a bf16 mode: use `native`")]
    [InlineData("CNNEXP_THREADS", "many", "CNNEXP_THREADS=many is not a number of threads")]
    [InlineData("CNNEXP_THREADS", "0", "CNNEXP_THREADS=0 is not a number of threads: use a whole number from 1 to 2")]
    [InlineData("CNNEXP_THREADS", "16", "CNNEXP_THREADS=16 is more than this machine's 2 cores: use a whole number from 1 to 2")]
    [InlineData("CNNEXP_THREADS", "99999999999", "CNNEXP_THREADS=99999999999 is not a number of threads")]
    public void A_variable_cnnexp_cannot_use_is_a_settings_error_naming_it(string name, string value, string expected)
    {
        var e = Assert.Throws<SettingsException>(() => HostSettings.FromEnvironment(n => n == name ? value : null, processors: 2));
        Assert.Contains(expected, e.Message);
    }
}
