using System.Runtime.InteropServices;
using TorchSharp;

namespace Cnnexp.Engine.Native;

/// <summary>
/// Loads TorchSharp's native library by full path before the first use of <c>torch</c>, so a
/// loader failure is reported with its real cause. TorchSharp itself reports any failure as a
/// missing "reference to libtorch-cpu", which sends users looking in the wrong place.
/// </summary>
public static class NativeRuntime
{
    static readonly object Gate = new();
    static bool loaded;

    /// <summary>
    /// Loads libtorch once per process. <paramref name="threads"/> &gt; 0 sets the number of CPU threads
    /// it may use; 0 sets <see cref="DefaultThreads"/> on the first load and leaves a number set
    /// earlier alone (a library call that only needs libtorch must not undo a run's thread budget).
    /// </summary>
    public static void EnsureLoaded(int threads = 0)
    {
        lock (Gate)
        {
            bool first = !loaded;
            if (first)
            {
                MallocTuning.Apply();           // before libtorch allocates anything
                LoadLibTorchSharp();
                loaded = true;
            }
            if (threads > 0 || first) torch.set_num_threads(threads > 0 ? threads : DefaultThreads());
        }
    }

    /// <summary>
    /// Cores this process should use: SLURM_CPUS_PER_TASK or CNNEXP_THREADS when set (libtorch's
    /// OpenMP threads spin, so oversubscribing cores costs far more than it gains), else all cores.
    /// </summary>
    public static int DefaultThreads()
    {
        foreach (var name in new[] { "CNNEXP_THREADS", "SLURM_CPUS_PER_TASK" })
            if (int.TryParse(Environment.GetEnvironmentVariable(name), out int n) && n > 0)
                return n;
        return Environment.ProcessorCount;
    }

    static void LoadLibTorchSharp()
    {
        string? path = FindLibrary();
        if (path is null && OperatingSystem.IsLinux() && PackageLayout.Find("libLibTorchSharp.so", "linux-x64") is { } packages)
        {
            PackageLayout.Load(packages);      // referenced as NuGet packages in place (dotnet fsi)
            return;
        }
        if (path is null)
            return; // not a layout we know (e.g. Windows, macOS): let TorchSharp search as usual.
        try
        {
            NativeLibrary.Load(path);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            throw new NativeLoadException(path, e.Message);
        }
    }

    static string? FindLibrary()
    {
        string file = OperatingSystem.IsLinux() ? "libLibTorchSharp.so"
            : OperatingSystem.IsMacOS() ? "libLibTorchSharp.dylib" : "LibTorchSharp.dll";
        string rid = RuntimeInformation.RuntimeIdentifier;
        string baseDir = AppContext.BaseDirectory;
        foreach (var candidate in new[]
                 {
                     Path.Combine(baseDir, file),
                     Path.Combine(baseDir, "runtimes", rid, "native", file),
                     Path.Combine(baseDir, "runtimes", "linux-x64", "native", file),
                 })
            if (File.Exists(candidate)) return candidate;
        return null;
    }
}
