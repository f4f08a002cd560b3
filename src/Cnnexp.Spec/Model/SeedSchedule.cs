using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Spec.Model;

/// <summary>
/// `seeds:` — a fixed list (every model trains every seed) or an adaptive schedule (seeds added in
/// waves until the question is answered).
/// </summary>
[System.Runtime.CompilerServices.CollectionBuilder(typeof(SeedSchedule), nameof(Create))]
public sealed record SeedSchedule : IEnumerable<int>
{
    /// <summary>A fixed list from a collection expression: <c>Seeds = [0, 1, 2]</c>.</summary>
    public static SeedSchedule Create(ReadOnlySpan<int> seeds) => Of(seeds.ToArray());

    /// <summary>The seeds a run may train (<see cref="Fixed"/>).</summary>
    public IEnumerator<int> GetEnumerator() => Fixed.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The fixed seeds; for an adaptive schedule, every seed it may train (0 … max − 1).</summary>
    public IReadOnlyList<int> Fixed { get; init; } = [0];

    /// <summary>The adaptive schedule, or null for a fixed list.</summary>
    public AdaptiveSeeds? Adaptive { get; init; }

    public static SeedSchedule Of(IReadOnlyList<int> seeds) => new() { Fixed = seeds };

    public static SeedSchedule Of(AdaptiveSeeds adaptive) => new() { Fixed = Enumerable.Range(0, Math.Max(0, adaptive.Max)).ToList(), Adaptive = adaptive };

    public static implicit operator SeedSchedule(int[] seeds) => Of(seeds);

    public static implicit operator SeedSchedule(List<int> seeds) => Of(seeds);

    /// <summary>Binds `seeds:` from a list of whole numbers or an adaptive mapping.</summary>
    public static SeedSchedule? Bind(YNode node, string path, Binder binder) => node switch
    {
        YSeq => binder.BindValue(typeof(IReadOnlyList<int>), node, path, SeedField) is IReadOnlyList<int> list ? Of(list) : null,
        YMap => Of(binder.BindObject<AdaptiveSeeds>(node, path)),
        _ => Wrong(node, path, binder.Diagnostics),
    };

    /// <summary>Limits of one seed (a `[Field]` for list items).</summary>
    static readonly FieldAttribute SeedField = new("a seed") { Min = 0, Max = int.MaxValue };

    static SeedSchedule? Wrong(YNode node, string path, DiagnosticBag d)
    {
        d.Error("wrong-type", $"`{path}` must be a list of seeds or an adaptive schedule, not {node.Describe()}", node.Where,
            "write `seeds: [0, 1, 2]`, or `seeds: { min: 3, max: 20, until: resolved }` to add seeds until the answer is clear");
        return null;
    }
}
