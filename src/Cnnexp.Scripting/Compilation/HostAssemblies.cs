using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Cnnexp.Hooks;
using Cnnexp.Results;
using Cnnexp.Spec.Planning;
using SkiaSharp;
using TorchSharp;

namespace Cnnexp.Scripting.Compilation;

/// <summary>
/// What hook scripts compile against: the .NET framework the process runs on, and the very
/// assemblies the host loaded for TorchSharp, SkiaSharp and cnnexp's contracts. Referencing the
/// loaded files (not reference packs) keeps scripts and host on the same types, also inside the
/// installed tool, where the implementation assemblies beside the tool are all there is.
/// </summary>
static class HostAssemblies
{
    /// <summary>The host assemblies whose public types scripts use.</summary>
    public static IReadOnlyList<Assembly> Shared { get; } =
    [
        typeof(HookSet).Assembly, typeof(Shape).Assembly, typeof(EpochMetrics).Assembly,
        typeof(torch).Assembly, typeof(SKCanvas).Assembly, typeof(ScottPlot.Plot).Assembly,   // ScottPlot: charts on a figure's canvas
    ];

    /// <summary>Namespaces every script imports: <c>static TorchSharp.torch</c> gives <c>nn</c>, <c>tensor</c>, <c>Tensor</c>.</summary>
    public static IReadOnlyList<string> Imports { get; } =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Text", "System.Threading.Tasks",
        "Cnnexp.Hooks", "Cnnexp.Results", "Cnnexp.Spec.Planning", "Cnnexp.Spec.Scripts", "TorchSharp", "TorchSharp.torch", "SkiaSharp",
    ];

    /// <summary>Files to reference: the framework's assemblies (from the trusted platform list) and <see cref="Shared"/>.</summary>
    public static IReadOnlyList<string> ReferencePaths()
    {
        string framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var tpa = ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var frameworkFiles = tpa.Where(p => Path.GetDirectoryName(p) == framework && p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase));
        if (!frameworkFiles.Any()) frameworkFiles = Directory.GetFiles(framework, "System*.dll").Append(Path.Combine(framework, "netstandard.dll"));
        return frameworkFiles.Concat(Shared.Select(a => a.Location)).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Changes whenever a compiled hook could stop fitting the host: another cnnexp, TorchSharp or
    /// SkiaSharp build, or another .NET runtime. Part of every cache key.
    /// </summary>
    public static string Fingerprint { get; } = ComputeFingerprint();

    static string ComputeFingerprint()
    {
        var parts = Shared.Select(a => $"{a.GetName().Name} {a.ManifestModule.ModuleVersionId}")
            .Append(Environment.Version.ToString()).Append(typeof(object).Assembly.ManifestModule.ModuleVersionId.ToString());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", parts))));
    }
}
