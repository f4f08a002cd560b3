using System.Reflection;
using Cnnexp.Hooks;

namespace Cnnexp.Scripting.Loading;

/// <summary>Loads a compiled script into its own load context and runs its top-level code once.</summary>
static class ScriptRunner
{
    public static void Run(byte[] pe, byte[] pdb, string entryType, IReadOnlyList<string> references, HookSet globals)
    {
        var context = new HookAssemblyContext($"hook {globals.Name}", references);
        var assembly = context.LoadFromStream(new MemoryStream(pe), new MemoryStream(pdb));
        var factory = assembly.GetType(entryType, throwOnError: true)!.GetMethod("<Factory>", BindingFlags.Public | BindingFlags.Static)
                      ?? throw new InvalidOperationException($"{globals.Name}: compiled script has no <Factory> entry");
        // A script's state array: [0] the globals, then one slot per submission (one here), as Roslyn's executor builds it.
        var run = (Task<object>)factory.Invoke(null, [new object?[] { globals, null }])!;
        run.GetAwaiter().GetResult();
    }
}
