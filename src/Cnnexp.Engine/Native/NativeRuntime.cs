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
    /// it may use; 0 leaves the number alone (libtorch's own default on the first load: every core),
    /// so a library call that only needs libtorch never undoes a run's thread budget. The number comes
    /// from the caller (the edge reads $CNNEXP_THREADS into <see cref="Host.HostSettings.Cores"/>).
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
            if (threads > 0) torch.set_num_threads(threads);
        }
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
