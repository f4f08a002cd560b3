using System.Text.RegularExpressions;
using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Datasets;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Model;

namespace Cnnexp.Spec.Planning;

/// <summary>
/// Checks what can still be checked when loading failed, so one pass reports every independent
/// mistake: each cross-field rule runs unless the sections it reads have errors, `extends` targets
/// are checked against every model's name, and the models that bound (and extend only such models)
/// are planned, their shape errors added. Only checks an error makes meaningless are skipped: no
/// shapes when `data` or `blocks` is broken, no rules over a broken section, nothing after an
/// unlocated error (a missing file) or a `--set` that could not be applied.
/// </summary>
public static partial class PartialPlanner
{
    public static IReadOnlyList<Diagnostic> Diagnose(LoadResult load)
    {
        if (load.Partial is not { } spec) return [];
        var errors = load.Diagnostics.Where(d => d.IsError).ToList();
        if (errors.Any(d => d.Where is null || d.Where.File == Yaml.Overrides.File)) return [];
        var broken = BrokenSections(spec, errors);
        var healthy = Healthy(spec, load.BrokenModels);
        var bag = new DiagnosticBag();
        var dataset = broken.Contains("data") ? null : DatasetCatalog.Describe(spec.Data, bag);
        if (!broken.Overlaps(["seeds", "repeats"])) TrainRules.Seeds(spec, bag);
        if (!broken.Overlaps(["train", "data"])) TrainRules.Training(spec with { Models = healthy }, bag);
        var names = spec.Models.Select(m => m.Name).ToList();
        if (!broken.Contains("blocks"))
        {
            var models = ModelResolver.Resolve(spec with { Models = healthy }, bag, names);
            if (load.BrokenModels.Count == 0 && !broken.Overlaps(["seeds", "compare"])) SeedRules.Check(spec, models.Select(m => m.Name).ToList(), bag);
            if (dataset is not null)
                foreach (var m in models) Planner.PlanModel(m, dataset, bag);
        }
        return bag.Items.Where(d => !load.Diagnostics.Contains(d)).ToList();
    }

    /// <summary>
    /// Top-level sections holding an error (by line), and those a misspelt top-level key was meant to be
    /// (`dta:` leaves `data` at its defaults, so planning against them would mislead).
    /// </summary>
    static HashSet<string> BrokenSections(ExperimentSpec spec, IReadOnlyList<Diagnostic> errors)
    {
        var starts = spec.KeySpans.Where(k => k.Key != "models").OrderBy(k => k.Value.Line).ToList();
        var broken = new HashSet<string>();
        foreach (var d in errors)
        {
            if (d.Code == "unknown-key" && d.Message.EndsWith("at the top level", StringComparison.Ordinal) && TypedKey().Match(d.Message) is { Success: true } m
                && Suggest.Closest(m.Groups[1].Value, SpecFields.Of(typeof(ExperimentSpec)).Select(f => f.Key).ToList()) is { } meant)
                broken.Add(meant);
            if (InModels(spec, d.Where!)) continue;
            var section = starts.LastOrDefault(k => k.Value.File == d.Where!.File && k.Value.Line <= d.Where.Line);
            broken.Add(section.Key ?? "");
        }
        return broken;
    }

    /// <summary>True when the error lies in the `models:` section, whose models are judged one by one.</summary>
    static bool InModels(ExperimentSpec spec, Diagnostics.SourceSpan where)
    {
        if (!spec.KeySpans.TryGetValue("models", out var models) || models.File != where.File || where.Line < models.Line) return false;
        return !spec.KeySpans.Any(k => k.Key != "models" && k.Value.File == where.File && k.Value.Line > models.Line && k.Value.Line <= where.Line);
    }

    /// <summary>Models that are not broken and do not extend (directly or not) a broken one.</summary>
    static IReadOnlyList<ModelSpec> Healthy(ExperimentSpec spec, IReadOnlySet<string> broken)
    {
        var bad = new HashSet<string>(broken);
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var m in spec.Models.Where(m => !bad.Contains(m.Name) && m.Extends is { } e && bad.Contains(e)))
                changed |= bad.Add(m.Name);
        }
        return spec.Models.Where(m => !bad.Contains(m.Name)).ToList();
    }

    [GeneratedRegex("^unknown key `([^`]*)`")]
    private static partial Regex TypedKey();
}
