using Cnnexp.Hooks;

namespace Cnnexp.Scripting.Loading;

/// <summary>One script file, compiled (or taken from the cache) and run: what it registered.</summary>
/// <param name="Sources">Full paths of the script and the files it loads, for locating exceptions.</param>
/// <param name="Seconds">Time to compile or load it from the cache, and run its top-level code.</param>
public sealed record LoadedScript(string FullPath, string DisplayPath, HookSet Hooks, IReadOnlyList<string> Sources, bool FromCache, double Seconds);
