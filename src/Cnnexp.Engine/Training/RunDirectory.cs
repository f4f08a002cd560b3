using Cnnexp.Results;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Engine.Training;

/// <summary>Creates a run directory, or checks that an existing one holds a run of the same spec.</summary>
public static class RunDirectory
{
    /// <returns>True when the directory already held a run (this is a resume).</returns>
    public static bool Prepare(string dir, ExperimentPlan plan)
    {
        var spec = plan.Spec;
        string resolved = SpecWriter.Write(spec);
        string path = Path.Combine(dir, RunFiles.ResolvedSpec);
        if (File.Exists(path))
        {
            string existing = File.ReadAllText(path);
            if (existing != resolved) throw new SpecChangedException(dir, TextDiff.Unified(existing, resolved));
            return true;
        }
        Directory.CreateDirectory(dir);
        Ledger.WriteUnits(dir, WorkUnit.Of(plan).Select(u => new Ledger.Unit(u.Id, u.Model, u.Seed)).ToList());
        RunFiles.WriteAtomic(path, resolved);   // last: its presence means the directory is complete
        return false;
    }
}
