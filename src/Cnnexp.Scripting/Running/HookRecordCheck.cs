using Cnnexp.Engine.Training;
using Cnnexp.Scripting.Loading;

namespace Cnnexp.Scripting.Running;

/// <summary>
/// Writes hooks.json into a new run directory; on resume, refuses scripts that changed since the run
/// started, as a changed spec is refused: mixing their results would be silent nonsense.
/// </summary>
static class HookRecordCheck
{
    public static void Verify(string runDir, LoadedHooks hooks)
    {
        var now = hooks.Record();
        string path = Path.Combine(runDir, RunHooksRecord.FileName);
        if (File.Exists(path))
        {
            var before = Results.RunFiles.ReadJson<RunHooksRecord>(path).Files;
            var changed = before.Keys.Union(now.Files.Keys).Order(StringComparer.Ordinal)
                .Where(f => before.GetValueOrDefault(f) != now.Files.GetValueOrDefault(f)).ToList();
            if (changed.Count > 0)
                throw new SpecChangedException(runDir, string.Concat(changed.Select(f =>
                    $"- {f} {Short(before.GetValueOrDefault(f))}\n+ {f} {Short(now.Files.GetValueOrDefault(f))}\n")));
            return;
        }
        RunHooksRecord.WriteOnce(runDir, now);
    }

    static string Short(string? sha) => sha is null ? "(absent)" : $"sha256 {sha[..12]}…";
}
