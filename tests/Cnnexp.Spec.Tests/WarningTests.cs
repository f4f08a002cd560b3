using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Tests;

/// <summary>Valid but probably unintended: the plan succeeds and carries a warning that points at the line.</summary>
public class WarningTests
{
    static IReadOnlyList<Diagnostic> Warnings(string yaml)
    {
        var load = SpecLoader.LoadText(yaml, "w.yaml");
        Assert.True(load.Ok, load.FormatDiagnostics());
        var diagnostics = new DiagnosticBag();
        Assert.NotNull(Planner.Plan(load.Spec!, diagnostics));
        Assert.All(diagnostics.Items, d => Assert.False(d.IsError));
        return diagnostics.Items;
    }

    [Fact]
    public void A_variant_identical_to_another_model_is_flagged()
    {
        var w = Assert.Single(Warnings(SpecHelpers.Notebook + "  copy:\n    extends: standard\n  fine:\n    extends: standard\n    input: [channel_sum]\n"));
        Assert.Equal("identical-models", w.Code);
        Assert.Equal("model `copy` is identical to `standard`: same input transforms, layers and training", w.Message);
        Assert.Equal(14, w.Where!.Line);
    }

    [Fact]
    public void Different_training_settings_make_models_different()
    {
        Assert.Empty(Warnings(SpecHelpers.Notebook + "  slow:\n    extends: standard\n    train: { optimizer: { lr: 0.0001 } }\n"));
    }

    [Fact]
    public void An_unused_block_is_flagged_and_a_block_used_by_a_block_is_not()
    {
        var w = Assert.Single(Warnings("""
            name: t
            blocks:
              inner: [relu]
              outer: [conv2d: { out: 4, padding: same }, block: inner]
              spare: [relu]
            models:
              a:
                layers: [block: outer, flatten, linear: { out: 10 }]
            """));
        Assert.Equal("block `spare` is never used", w.Message);
        Assert.Equal(5, w.Where!.Line);
    }

    [Fact]
    public void Shipped_experiments_have_no_warnings()
    {
        // Specs with `- script:` layers are planned with their compiled hooks in Cnnexp.Scripting.Tests.
        foreach (var file in Directory.GetFiles(Repo.Path("experiments"), "*.yaml")
                     .Where(f => !Scripts.HookReference.Of(SpecLoader.LoadFile(f).Spec!).Any(r => r.Use != Scripts.HookUse.Hooks)))
            Assert.Empty(Warnings(SpecHelpers.Inlined(file)));
    }
}
