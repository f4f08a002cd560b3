using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Limits;
using Cnnexp.Spec.Model;

namespace Cnnexp.Spec.Planning;

/// <summary>
/// Replaces <c>block</c> references by the block's layers and <c>repeat</c> by its copies, so the
/// planner sees leaf layers and residuals only. Names given inside a repeat get <c>_1</c>, <c>_2</c>, …
/// appended; a named block reference or repeat prefixes them with <c>NAME_</c>.
/// </summary>
public static class BlockExpander
{
    /// <summary>Blocks may use blocks this many levels deep.</summary>
    public const int MaxBlockDepth = 32;

    public static IReadOnlyList<LayerSpec> Expand(IReadOnlyList<LayerSpec> layers, IReadOnlyDictionary<string, BlockSpec> blocks,
        DiagnosticBag diagnostics)
    {
        // Repeats of blocks of repeats multiply: count first (saturating, memoised per block), so a
        // few lines of YAML cannot ask for a billion layers.
        var sizes = new Dictionary<string, long>();
        if (layers.Select(l => (Layer: l, Size: Size(l, blocks, sizes, []))).Where(x => x.Size > SpecLimits.MaxLayers)
                .OrderByDescending(x => x.Size).FirstOrDefault() is { Layer: not null } huge)
        {
            diagnostics.Error("too-large", $"`{huge.Layer.Kind}` expands to more than {SpecLimits.MaxLayers:N0} layers", huge.Layer.Where,
                "lower a `repeat`'s `times`, or use fewer copies of a block");
            return [];
        }
        if (layers.Sum(l => Size(l, blocks, sizes, [])) is var total && total > SpecLimits.MaxLayers)
        {
            diagnostics.Error("too-large", $"these layers expand to {total:N0} layers; at most {SpecLimits.MaxLayers:N0}", layers[0].Where,
                "lower a `repeat`'s `times`, or use fewer copies of a block");
            return [];
        }
        return Expand(layers, blocks, diagnostics, []);
    }

    /// <summary>Layers <paramref name="layer"/> expands to, capped just above the limit; 0 for what expansion reports as an error.</summary>
    static long Size(LayerSpec layer, IReadOnlyDictionary<string, BlockSpec> blocks, Dictionary<string, long> sizes, IReadOnlyList<string> chain)
    {
        const long cap = SpecLimits.MaxLayers + 1L;
        long Sum(IEnumerable<LayerSpec> children, IReadOnlyList<string> c) =>
            Math.Min(cap, children.Aggregate(0L, (n, l) => Math.Min(cap, n + Size(l, blocks, sizes, c))));
        switch (layer)
        {
            case BlockLayer b:
                if (sizes.TryGetValue(b.Use, out long known)) return known;
                if (chain.Count >= MaxBlockDepth) return cap;                 // too deep to expand: refuse it as too large
                if (!blocks.TryGetValue(b.Use, out var block) || chain.Contains(b.Use)) return 0;
                return sizes[b.Use] = Sum(block.Layers, [.. chain, b.Use]);
            case RepeatLayer r:
                return Math.Min(cap, (long)r.Times * Sum(r.Children, chain));
            case CompositeLayer c:
                return Math.Min(cap, 1 + Sum(c.Children, chain));
            default:
                return 1;
        }
    }

    static IReadOnlyList<LayerSpec> Expand(IReadOnlyList<LayerSpec> layers, IReadOnlyDictionary<string, BlockSpec> blocks,
        DiagnosticBag diagnostics, IReadOnlyList<string> chain)
    {
        var result = new List<LayerSpec>();
        foreach (var layer in layers)
        {
            switch (layer)
            {
                case BlockLayer b:
                    result.AddRange(Prefix(b.Name, Block(b, blocks, diagnostics, chain)));
                    break;
                case RepeatLayer r:
                    var body = Prefix(r.Name, Expand(NonEmpty(r, diagnostics), blocks, diagnostics, chain));
                    for (int i = 1; i <= r.Times; i++)
                        result.AddRange(LayerTree.RenameExplicit(body, n => $"{n}_{i}"));
                    break;
                case ResidualLayer res:
                    result.Add(res.WithChildren(Expand(NonEmpty(res, diagnostics), blocks, diagnostics, chain)));
                    break;
                default:
                    result.Add(layer);
                    break;
            }
        }
        return result;
    }

    static IReadOnlyList<LayerSpec> Block(BlockLayer b, IReadOnlyDictionary<string, BlockSpec> blocks, DiagnosticBag diagnostics,
        IReadOnlyList<string> chain)
    {
        if (!blocks.TryGetValue(b.Use, out var block))
        {
            diagnostics.Error("unknown-block", $"unknown block `{b.Use}`", b.SpanOf("use"),
                blocks.Count == 0 ? "define it under `blocks:` at the top level" : Suggest.DidYouMean(b.Use, blocks.Keys.ToList()));
            return [];
        }
        if (chain.Count >= MaxBlockDepth)
        {
            diagnostics.Error("too-deep", $"blocks use blocks more than {MaxBlockDepth} levels deep: {string.Join(" -> ", chain.Take(4))} -> …",
                b.SpanOf("use"), "flatten some blocks into their users");
            return [];
        }
        if (chain.Contains(b.Use))
        {
            diagnostics.Error("block-cycle", $"blocks use each other in a cycle: {string.Join(" -> ", chain.Append(b.Use))}",
                b.SpanOf("use"), "a block cannot contain itself");
            return [];
        }
        return Expand(block.Layers, blocks, diagnostics, [.. chain, b.Use]);
    }

    static IReadOnlyList<LayerSpec> NonEmpty(CompositeLayer c, DiagnosticBag diagnostics)
    {
        if (c.Children.Count == 0)
            diagnostics.Error("empty-layers", $"{c.Kind} needs at least one layer in `layers`", c.SpanOf("layers"));
        return c.Children;
    }

    static IReadOnlyList<LayerSpec> Prefix(string? prefix, IReadOnlyList<LayerSpec> layers) =>
        prefix is null ? layers : LayerTree.RenameExplicit(layers, n => $"{prefix}_{n}");
}
