using System.Reflection;
using System.Runtime.Loader;

namespace Cnnexp.Scripting.Loading;

/// <summary>
/// One load context per compiled script. Host assemblies (TorchSharp, the contracts, …) resolve to
/// the copies already loaded, so script and host share types, wherever the host was loaded from
/// (an installed tool, a test, an F# script). Assemblies the script <c>#r</c>s load from their paths.
/// </summary>
sealed class HookAssemblyContext(string name, IReadOnlyList<string> references) : AssemblyLoadContext(name)
{
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        string? path = references.FirstOrDefault(p => string.Equals(Path.GetFileNameWithoutExtension(p), assemblyName.Name, StringComparison.OrdinalIgnoreCase));
        if (path is not null && File.Exists(path)) return LoadFromAssemblyPath(path);
        return AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && string.Equals(a.GetName().Name, assemblyName.Name, StringComparison.OrdinalIgnoreCase));
    }
}
