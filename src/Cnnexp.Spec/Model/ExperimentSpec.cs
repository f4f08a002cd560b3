using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Scripts;

namespace Cnnexp.Spec.Model;

[Section("An experiment: data, models (variants) trained under the same settings and seeds, and figures.")]
public sealed record ExperimentSpec : SpecNode
{
    /// <summary>Every figure cnnexp draws (Cnnexp.Figures' catalogue; a test keeps the two lists equal).</summary>
    public static readonly string[] FigureNames =
    [
        "samples", "transforms", "shapes", "channel_contributions", "filters", "feature_maps",
        "curves", "loss", "accuracy", "sequential", "confusion", "per_class",
    ];

    [Field("Short name; used for the run directory.", Required = true, Pattern = Limits.SafeName.Pattern, PatternHint = Limits.SafeName.PatternHint)] public string Name { get; init; } = "";
    [Field("One line saying what the experiment asks.")] public string? Description { get; init; }
    [Field("Random seeds; every model is trained once per seed, with the same data order (a paired design). Or an adaptive schedule, `{ min: 3, max: 20, until: resolved }`: seeds are added until every comparison is answered.")]
    public SeedSchedule Seeds { get; init; } = new();
    [Field("Shorthand for `seeds: [0, 1, …, N-1]`; give `seeds` or `repeats`, not both.", Min = 1, Max = 1000)]
    public int? Repeats { get; init; }
    [Field("The comparisons that matter, as pairs of model names, e.g. `[[standard, sumfirst]]`; default: every pair. An adaptive study stops when these are answered.")]
    public IReadOnlyList<IReadOnlyList<string>>? Compare { get; init; }
    /// <summary>Always null once loaded: the loader merges the files in (<see cref="Yaml.Includes"/>); declared for the schema and the reference.</summary>
    [Field("Spec files whose `blocks`, `models` and `train` this spec starts from, e.g. `[stacks/notebook.yaml]`; paths relative to this file's folder, inside the folder of the spec you run. This file wins: a model or block of the same name replaces the included one, `train` merges key by key.")]
    public IReadOnlyList<string>? Include { get; init; }
    [Field("The data set.")] public DataSpec Data { get; init; } = new();
    [Field("Training settings shared by all models.")] public TrainSpec Train { get; init; } = new();
    [Field("Named layer lists that models insert with `- block: NAME`, e.g. `{ stage: [conv2d: { out: 16, padding: same }, relu] }`.")]
    public IReadOnlyList<BlockSpec>? Blocks { get; init; }
    [Field("The models to compare, by name.", Required = true)] public IReadOnlyList<ModelSpec> Models { get; init; } = [];
    [Field("Figures to draw; default: all that apply.", AllowedFrom = typeof(ExperimentSpec), AllowedField = nameof(FigureNames))]
    public IReadOnlyList<string>? Figures { get; init; }
    [Field("C# scripts (.csx, relative to the spec's folder) with callbacks, metrics and figures, e.g. `[hooks/gradnorm.csx]`; they run with your rights (docs/hooks.md).")]
    public IReadOnlyList<HookPath>? Hooks { get; init; }

    /// <summary>The seeds every model is trained with (from `seeds` or `repeats`).</summary>
    public IReadOnlyList<int> RunSeeds => Repeats is int n ? Enumerable.Range(0, n).ToList() : Seeds.Fixed;

    /// <summary>The adaptive schedule, when `seeds:` is one.</summary>
    public AdaptiveSeeds? Adaptive => Seeds.Adaptive;

    /// <summary>The comparisons that matter as (A, B) pairs; every pair of <paramref name="models"/> when `compare` is absent.</summary>
    public IReadOnlyList<(string A, string B)> ComparedPairs(IReadOnlyList<string> models) =>
        Compare is { Count: > 0 } c
            ? c.Where(p => p.Count == 2).Select(p => (p[0], p[1])).ToList()
            : (from i in Enumerable.Range(0, models.Count) from j in Enumerable.Range(i + 1, models.Count - i - 1) select (models[i], models[j])).ToList();
}
