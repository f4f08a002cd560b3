using System.Globalization;
using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Cli;

/// <summary>
/// Which units a (possibly partial) run trains: --unit ID (repeatable), --shard I/N (units whose
/// position modulo N is I; I counts from 0 like array task ids), or line --unit-index of --unit-list.
/// </summary>
static class UnitSelection
{
    public sealed record Result(Func<string, int, bool>? Filter, string? Error, int Count);

    public static Result Resolve(ExperimentPlan plan, IReadOnlyList<string> ids, string? shard, string? listFile, int? index)
    {
        var units = WorkUnit.Of(plan);
        var wanted = new List<string>(ids);
        if (listFile is not null)
        {
            if (index is null) return Error("--unit-list needs --unit-index (e.g. $SLURM_ARRAY_TASK_ID)");
            if (!File.Exists(listFile)) return Error($"--unit-list {listFile} does not exist");
            var lines = File.ReadAllLines(listFile).Where(l => l.Trim().Length > 0).ToList();
            if (index < 0 || index >= lines.Count) return Error($"--unit-index {index} is outside 0..{lines.Count - 1} of {listFile}");
            wanted.Add(lines[index.Value].Trim());
        }
        foreach (var id in wanted.Where(id => units.All(u => u.Id != id)))
            return Error($"no unit `{id}` in this spec; {Suggest.DidYouMean(id, units.Select(u => u.Id).ToList())} (`cnnexp plan SPEC` lists them)");
        var chosen = wanted.Count > 0 ? units.Where(u => wanted.Contains(u.Id)).ToList() : units.ToList();
        if (shard is not null)
        {
            var parts = shard.Split('/');
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int i)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1 || i >= n)
                return Error($"--shard must be I/N with 0 <= I < N, e.g. 0/4; got `{shard}`");
            chosen = chosen.Where((_, k) => k % n == i).ToList();
        }
        if (wanted.Count == 0 && shard is null) return new Result(null, null, units.Count);
        var set = chosen.Select(u => (u.Model, u.Seed)).ToHashSet();
        return new Result((m, s) => set.Contains((m, s)), null, set.Count);
    }

    static Result Error(string message) => new(null, message, 0);
}
