using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Model;

namespace Cnnexp.Spec.Planning;

/// <summary>
/// Replaces <c>block</c> references by the block's layers and <c>repeat</c> by its copies, so the
/// planner sees leaf layers and residuals only. Names given inside a repeat get <c>_1</c>, <c>_2</c>, …
/// appended; a named block reference or repeat prefixes them with <c>NAME_</c>.
/// </summary>
public static class BlockExpander
{
    public static IReadOnlyList<LayerSpec> Expand(IReadOnlyList<LayerSpec> layers, IReadOnlyDictionary<string, BlockSpec> blocks,
        DiagnosticBag diagnostics) => Expand(layers, blocks, diagnostics, []);

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
