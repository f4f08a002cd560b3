namespace Cnnexp.Spec.Scripts;

/// <summary>The scripts of a spec, compiled and run, carried by the bound spec to the run (opaque to the spec).</summary>
public interface ICompiledHooks
{
    /// <summary>The script files, as displayed in messages.</summary>
    IReadOnlyList<string> Files { get; }
}
