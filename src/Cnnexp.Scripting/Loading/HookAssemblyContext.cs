using System.Reflection;
using System.Runtime.Loader;

namespace Cnnexp.Scripting.Loading;

/// <summary>
/// One load context per compiled script. Host assemblies (TorchSharp, the contracts, …) resolve to
/// the copies already loaded, so script and host share types, wherever the host was loaded from
/// (an installed tool, a test, an F# script). Assemblies the script <c>#r</c>s — and assemblies
/// beside them that they need — are loaded from a copy in memory, not mapped from disk: a library
/// rebuilt while a long session (fsi, a notebook) runs is read afresh, never half-overwritten.
/// </summary>
sealed class HookAssemblyContext(string name, IReadOnlyList<string> references) : AssemblyLoadContext(name)
{
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        string file = assemblyName.Name + ".dll";
        string? path = references.FirstOrDefault(p => string.Equals(Path.GetFileName(p), file, StringComparison.OrdinalIgnoreCase))
                       ?? references.Select(p => Path.Combine(Path.GetDirectoryName(p)!, file)).FirstOrDefault(File.Exists);
        if (path is not null && File.Exists(path))
        {
            using var bytes = new MemoryStream(File.ReadAllBytes(path));
            return LoadFromStream(bytes);
        }
        return AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && string.Equals(a.GetName().Name, assemblyName.Name, StringComparison.OrdinalIgnoreCase));
    }
}
