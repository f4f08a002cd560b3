using System.Diagnostics;

namespace Cnnexp.Cli.Tests;

/// <summary>
/// The tool as a user gets it: `dotnet pack`, `dotnet tool install --tool-path`, then the
/// installed `cnnexp` runs a tiny experiment. Proves the packed libtorch is patched and loads.
/// </summary>
public class ToolPackageTests
{
    [Fact]
    public void Packed_tool_installs_and_trains()
    {
        string tmp = Cli.TempDir();
        try { PackInstallRun(tmp); }
        finally { Directory.Delete(tmp, recursive: true); }    // ~1.5 GB of packages and tools
    }

    static void PackInstallRun(string tmp)
    {
        string feed = Path.Combine(tmp, "feed"), tools = Path.Combine(tmp, "tools");
        // A private package cache: the global one may hold an older build under the same version.
        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(tmp, "packages") };

        Run("dotnet", ["pack", Repo.Path("src", "Cnnexp.Cli"), "-c", "Release", "-o", feed], Repo.Root);
        var packages = Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).ToList();
        Assert.Contains(packages, p => p!.StartsWith("cnnexp.linux-x64.", StringComparison.Ordinal));
        long size = new FileInfo(Directory.GetFiles(feed, "cnnexp.linux-x64.*.nupkg").Single()).Length;
        Assert.True(size < 250L * 1024 * 1024, $"tool package is {size / 1024 / 1024} MB, over nuget.org's 250 MB limit");

        Run("dotnet", ["tool", "install", "cnnexp", "--tool-path", tools, "--add-source", feed], tmp, env);
        string cnnexp = Path.Combine(tools, "cnnexp");
        Assert.Matches(@"^\d+\.\d+\.\d+", Run(cnnexp, ["--version"], tmp).Trim());

        string spec = Path.Combine(tmp, "tiny.yaml");
        File.WriteAllText(spec, """
            name: tiny
            data: { dataset: synthetic, batch_size: 32, limit: 200 }
            train: { epochs: 1 }
            models:
              rgb:
                layers: [conv2d: { out: 4, kernel: 3 }, relu, flatten, linear: { out: 10 }]
            """);
        string output = Run(cnnexp, ["run", spec, "--out", Path.Combine(tmp, "run"), "--threads", "1"], tmp);
        Assert.Contains("rgb", output);
        Assert.True(File.Exists(Path.Combine(tmp, "run", "figures", "loss.png")), output);
    }

    static string Run(string file, string[] args, string workDir, Dictionary<string, string>? env = null)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? []) info.Environment[k] = v;
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(5)), $"{file} {string.Join(' ', args)} timed out");
        string all = stdout.Result + stderr.Result;
        Assert.True(p.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {p.ExitCode}:\n{all}");
        return stdout.Result;
    }
}
