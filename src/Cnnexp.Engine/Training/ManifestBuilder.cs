using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Cnnexp.Engine.Data;
using Cnnexp.Results;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Yaml;
using TorchSharp;

namespace Cnnexp.Engine.Training;

/// <summary>Collects versions, machine, seeds and data hashes for manifest.json.</summary>
public static class ManifestBuilder
{
    public static Manifest Build(ExperimentSpec spec, LoadedDataset data, torch.Device device, int threads, string? commandLine, bool channelsLast = true) => new()
    {
        Cnnexp = Version(typeof(ManifestBuilder).Assembly),
        TorchSharp = Version(typeof(torch).Assembly),
        LibTorch = torch.__version__,
        DotNet = RuntimeInformation.FrameworkDescription,
        Os = RuntimeInformation.OSDescription,
        Cpu = CpuModel(),
        Cores = Environment.ProcessorCount,
        Threads = threads,
        Device = device.ToString(),
        Layout = channelsLast ? Modules.ChannelsLast.Token : Modules.ChannelsLast.NchwToken,
        Malloc = Native.MallocTuning.State,
        CpuFeatures = Native.CpuFeatures.Present,
        Seeds = spec.RunSeeds,
        SpecHash = Sha256(Encoding.UTF8.GetBytes(SpecWriter.Write(spec))),
        Data = new Dictionary<string, string>
        {
            [$"{data.Info.Name}/train ({data.Train.Count} images)"] = Sha256(data.Train.Images),
            [$"{data.Info.Name}/test ({data.Test.Count} images)"] = Sha256(data.Test.Images),
        },
        GitCommit = GitCommit(spec.Where?.File),
        Started = DateTimeOffset.Now.ToString("O"),
        CommandLine = commandLine,
    };

    static string Version(Assembly a) =>
        a.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? a.GetName().Version?.ToString() ?? "?";

    static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    static string Sha256(torch.Tensor images)
    {
        using var scope = torch.NewDisposeScope();
        return Convert.ToHexStringLower(SHA256.HashData(images.contiguous().bytes));
    }

    static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null) return line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    /// <summary>The commit of the repository holding the spec file, if any (git may be absent: then null).</summary>
    static string? GitCommit(string? specFile)
    {
        string? dir = specFile is null ? null : Path.GetDirectoryName(Path.GetFullPath(specFile));
        if (dir is null || !Directory.Exists(dir)) return null;
        try
        {
            var info = new ProcessStartInfo("git", ["-C", dir, "rev-parse", "HEAD"])
                { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(info);
            if (p is null) return null;
            string output = p.StandardOutput.ReadToEnd().Trim();
            return p.WaitForExit(5000) && p.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }
}
