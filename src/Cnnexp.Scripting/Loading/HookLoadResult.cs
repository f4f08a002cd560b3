using Cnnexp.Spec.Diagnostics;

namespace Cnnexp.Scripting.Loading;

/// <summary>The loaded hooks (null when there are none, or errors), every problem, and the script texts to quote.</summary>
public sealed record HookLoadResult(LoadedHooks? Hooks, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyDictionary<string, string> Sources)
{
    public bool Ok => !Diagnostics.Any(d => d.IsError);
}
