using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Spec.Planning;

/// <summary>
/// Things that are valid but almost certainly not meant: a variant that ends up identical to
/// another model (a forgotten `input:` or edit), and a block nothing uses.
/// </summary>
public static class PlanWarnings
{
    public static void Check(ExperimentSpec spec, IReadOnlyList<ModelSpec> resolved, DiagnosticBag diagnostics)
    {
        IdenticalModels(spec, resolved, diagnostics);
        UnusedBlocks(spec, diagnostics);
    }

    static void IdenticalModels(ExperimentSpec spec, IReadOnlyList<ModelSpec> resolved, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, string>();
        foreach (var m in resolved)
        {
            string key = Signature(m with { Name = "", Where = null }, spec);
            if (seen.TryGetValue(key, out var first))
                diagnostics.Add(new Diagnostic(Severity.Warning, "identical-models",
                    $"model `{m.Name}` is identical to `{first}`: same input transforms, layers and training", m.Where,
                    "both would train the same network; did you forget `input:` or an edit?"));
            else seen[key] = m.Name;
        }
    }

    /// <summary>What a model trains, as text: input transforms, layers (names left out), its training settings, `init` and `freeze`.</summary>
    static string Signature(ModelSpec m, ExperimentSpec spec) =>
        SpecWriter.Flow(m.Input ?? []) + "|" + SpecWriter.Flow(LayerTree.Map(m.Layers ?? [], l => l with { Name = null })) + "|" +
        SpecWriter.Write(new ExperimentSpec { Name = "t", Train = m.Train ?? spec.Train }) + "|" +
        (m.Init is { } init ? SpecWriter.Flow(init) : "") + "|" + SpecWriter.Flow(m.Freeze ?? []);   // weights it starts from, layers it keeps

    static void UnusedBlocks(ExperimentSpec spec, DiagnosticBag diagnostics)
    {
        if (spec.Blocks is not { Count: > 0 } blocks) return;
        var trees = spec.Models.SelectMany(m => new[] { m.Layers ?? [] }
                .Concat((m.Replace ?? []).Concat(m.InsertBefore ?? []).Concat(m.InsertAfter ?? []).Select(e => e.Layers)))
            .Concat(blocks.Select(b => b.Layers));
        var used = trees.SelectMany(LayerTree.All).OfType<BlockLayer>().Select(b => b.Use).ToHashSet();
        // A shared file may hold blocks that only some of the specs including it use.
        foreach (var b in blocks.Where(b => !used.Contains(b.Name) && (b.Where is null || b.Where.File == spec.Where?.File)))
            diagnostics.Add(new Diagnostic(Severity.Warning, "unused-block", $"block `{b.Name}` is never used", b.Where,
                $"insert it with `- block: {b.Name}`, or remove it"));
    }
}
