using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Model;

namespace Cnnexp.Spec.Planning;

/// <summary>
/// Plans what can still be planned when loading failed, so one pass reports every problem: if
/// every load error lies inside some models' keys, the other models (and those that extend only
/// them) are planned and their errors added. Errors outside models (top-level keys, `data`,
/// `blocks`, YAML syntax) stop here, since every model would inherit them.
/// </summary>
public static class PartialPlanner
{
    public static IReadOnlyList<Diagnostic> Diagnose(LoadResult load)
    {
        if (load.Partial is not { } spec || load.BrokenModels.Count == 0 || ErrorsOutsideModels(load, spec)) return [];
        var keep = Healthy(spec.Models, load.BrokenModels);
        if (keep.Count == 0) return [];
        var diagnostics = new DiagnosticBag();
        Planner.Plan(spec with { Models = keep }, diagnostics);
        return diagnostics.Items.Where(d => !load.Diagnostics.Contains(d)).ToList();
    }

    /// <summary>True when some error's line is not inside a broken model's lines.</summary>
    static bool ErrorsOutsideModels(LoadResult load, ExperimentSpec spec)
    {
        var broken = spec.Models.Where(m => load.BrokenModels.Contains(m.Name)).ToList();
        return load.Diagnostics.Where(d => d.IsError).Any(d => d.Where is null || !broken.Any(m => Inside(spec, m, d.Where)));
    }

    /// <summary>A model's text runs from its name's line to the line before the next model or top-level key (or the end).</summary>
    static bool Inside(ExperimentSpec spec, ModelSpec model, SourceSpan where)
    {
        if (model.Where is not { } start) return false;
        if (where.File == Yaml.Overrides.File) return false;
        var followers = spec.Models.Select(m => m.Where)
            .Concat(spec.KeySpans.Where(k => k.Key != "models").Select(k => k.Value));     // top-level keys written after `models`
        int next = followers.Where(w => w is not null && w.File == start.File && w.Line > start.Line)
            .Select(w => w!.Line).DefaultIfEmpty(int.MaxValue).Min();
        return where.File == start.File && where.Line >= start.Line && where.Line < next;
    }

    /// <summary>Models that are not broken and do not extend (directly or not) a broken one.</summary>
    static IReadOnlyList<ModelSpec> Healthy(IReadOnlyList<ModelSpec> models, IReadOnlySet<string> broken)
    {
        var bad = new HashSet<string>(broken);
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var m in models.Where(m => !bad.Contains(m.Name) && m.Extends is { } e && bad.Contains(e)))
                changed |= bad.Add(m.Name);
        }
        return models.Where(m => !bad.Contains(m.Name)).ToList();
    }
}
