using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Diagnostics;

namespace Cnnexp.Spec.Model;

/// <summary>Cross-field rules of `seeds:` (adaptive) and `compare:`, checked once the models (variants included) are known.</summary>
public static class SeedRules
{
    public static void Check(ExperimentSpec spec, IReadOnlyList<string> models, DiagnosticBag diagnostics)
    {
        if (spec.Adaptive is { } a) Adaptive(a, models, diagnostics);
        Compare(spec, models, diagnostics);
    }

    static void Adaptive(AdaptiveSeeds a, IReadOnlyList<string> models, DiagnosticBag d)
    {
        if (a.Min < 2)
            d.Error("out-of-range", $"`seeds.min` is {a.Min}: a paired comparison needs at least 2 seeds per model", a.SpanOf("min"),
                "use `min: 3` (at 5% the anytime-valid interval cannot exclude 0 before about 4 seeds)");
        if (a.Min > a.Max)
            d.Error("conflict", $"`seeds.min` ({a.Min}) is more than `seeds.max` ({a.Max})", a.SpanOf("min"),
                $"raise `max` to at least {a.Min}, or lower `min`");
        if (a.Margin is <= 0)
            d.Error("out-of-range", $"`seeds.margin` is {a.Margin}: an equivalence margin must be above 0 points", a.SpanOf("margin"),
                "give the smallest difference that matters, e.g. `margin: 1.0` (accuracy points), or remove `margin`");
        if (models.Count < 2)
            d.Error("conflict", $"`seeds.until: resolved` compares models, but the spec has only one (`{string.Join("`, `", models)}`)",
                a.SpanOf("until"), "add a variant to compare it with, or give a fixed list such as `seeds: [0, 1, 2]`");
    }

    static void Compare(ExperimentSpec spec, IReadOnlyList<string> models, DiagnosticBag d)
    {
        if (spec.Compare is not { } pairs) return;
        var where = spec.SpanOf("compare");
        if (pairs.Count == 0)
            d.Error("missing-key", "`compare` is empty", where, "name pairs of models, e.g. `compare: [[standard, sumfirst]]`, or remove it to compare every pair");
        foreach (var pair in pairs)
        {
            if (pair.Count != 2 || pair[0] == pair[1])
            {
                d.Error("bad-value", $"`compare` entry [{string.Join(", ", pair)}] must name two different models", where,
                    "each entry is a pair, e.g. `[standard, sumfirst]`");
                continue;
            }
            foreach (var name in pair.Where(n => !models.Contains(n)))
                d.Error("unknown-model", $"`compare` names `{name}`, which is not a model of this spec", where, Suggest.DidYouMean(name, models));
        }
    }
}
