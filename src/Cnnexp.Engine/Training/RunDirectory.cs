using Cnnexp.Results;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Engine.Training;

/// <summary>Creates a run directory, or checks that an existing one holds a run of the same spec.</summary>
public static class RunDirectory
{
    /// <returns>True when the directory already held a run (this is a resume).</returns>
    public static bool Prepare(string dir, ExperimentSpec spec)
    {
        string resolved = SpecWriter.Write(spec);
        string path = Path.Combine(dir, RunFiles.ResolvedSpec);
        if (File.Exists(path))
        {
            string existing = File.ReadAllText(path);
            if (existing != resolved) throw new SpecChangedException(dir, TextDiff.Unified(existing, resolved));
            return true;
        }
        Directory.CreateDirectory(dir);
        RunFiles.WriteAtomic(path, resolved);
        return false;
    }
}
