using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Cnnexp.Engine.Native;

/// <summary>
/// Native libraries when cnnexp is referenced as NuGet packages in place, as <c>dotnet fsi</c> does
/// with <c>#r "nuget: Cnnexp.Api"</c>: nothing is copied next to an application. The Cnnexp.Engine
/// package carries the patched libLibTorchSharp.so in <c>native/RID/</c>; libtorch stays in its own
/// package. Loading libtorch by full path first matters: a by-name load may find another libtorch
/// installed on the system, and TorchSharp's own fallback would copy every libtorch file into the
/// NuGet cache and still load the unpatched library.
/// </summary>
static class PackageLayout
{
    /// <summary>The patched library and the libtorch files to load before it, in order; null when this is not a package layout.</summary>
    public static (string LibTorchSharp, IReadOnlyList<string> LibTorch)? Find(string file, string rid)
    {
        string engineDir = Path.GetDirectoryName(typeof(PackageLayout).Assembly.Location) ?? "";
        string patched = Path.GetFullPath(Path.Combine(engineDir, "..", "..", "native", rid, file));      // PACKAGE/VERSION/lib/TFM/
        if (engineDir.Length == 0 || !File.Exists(patched)) return null;
        string? natives = LibTorchDirectory(rid);
        if (natives is null) return null;
        var libtorch = new[] { "libc10.so", "libtorch_cpu.so", "libtorch.so" }.Select(f => Path.Combine(natives, f)).ToList();
        return libtorch.All(File.Exists) ? (patched, libtorch) : null;
    }

    /// <summary>
    /// PACKAGES/libtorch-cpu-RID/VERSION/runtimes/RID/native, VERSION being the one TorchSharp-cpu asks for
    /// (from its .nuspec beside the TorchSharp package the process loaded).
    /// </summary>
    static string? LibTorchDirectory(string rid)
    {
        string? torchSharpDir = Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location);   // PACKAGES/torchsharp/V/lib/TFM
        if (string.IsNullOrEmpty(torchSharpDir)) return null;
        var versionDir = new DirectoryInfo(torchSharpDir).Parent?.Parent;
        string? packages = versionDir?.Parent?.Parent?.FullName;
        if (versionDir is null || packages is null) return null;
        string nuspec = Path.Combine(packages, "torchsharp-cpu", versionDir.Name, "torchsharp-cpu.nuspec");
        if (!File.Exists(nuspec)) return null;
        var version = Regex.Match(File.ReadAllText(nuspec), "id=\"libtorch-cpu\" version=\"\\[?([^\\],\"]+)");
        if (!version.Success) return null;
        string dir = Path.Combine(packages, $"libtorch-cpu-{rid}", version.Groups[1].Value, "runtimes", rid, "native");
        return Directory.Exists(dir) ? dir : null;
    }

    /// <summary>Loads libtorch then the patched library, each by full path; reports the first failure with its loader message.</summary>
    public static void Load((string LibTorchSharp, IReadOnlyList<string> LibTorch) layout)
    {
        foreach (string path in layout.LibTorch.Append(layout.LibTorchSharp))
        {
            try { NativeLibrary.Load(path); }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
            {
                throw new NativeLoadException(path, e.Message);
            }
        }
    }
}
