using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Spec.Tests;

/// <summary>`init:` and `freeze:` as the spec decides them (the engine reads the sources: InitTests).</summary>
public class InitSpecTests
{
    static string With(string extra) => SpecHelpers.Notebook + extra;

    const string Tuned = """
          tuned:
            extends: standard
            init: { model: standard, epoch: best, map: { features.0: conv1, fc.weight: linear2.weight }, only: [conv1, linear2] }
            freeze: [conv1]

        """;

    [Fact]
    public void Init_and_freeze_bind_are_inherited_and_survive_the_resolved_spec()
    {
        var plan = SpecHelpers.Plan(With(Tuned + "  deeper:\n    extends: tuned\n"));
        var init = plan.Model("tuned").Spec.Init!;
        Assert.Equal(("standard", "best", (string?)null), (init.Model, init.Epoch, init.Run));
        Assert.True(init.FromThisRun);
        Assert.Equal(["features.0 -> conv1", "fc.weight -> linear2.weight"], init.Map!.Select(r => $"{r.From} -> {r.To}"));
        Assert.Equal("conv1.bias", init.Map![0].Apply("features.0.bias"));
        Assert.Null(init.Map![0].Apply("features.01.bias"));                                  // a prefix ends at a dot
        Assert.Equal(["conv1"], plan.Model("tuned").Spec.Freeze!);
        Assert.Equal(init, plan.Model("deeper").Spec.Init);                                      // extends takes them along
        Assert.Equal(["conv1"], plan.Model("deeper").Spec.Freeze!);

        string resolved = SpecWriter.Write(plan.Spec);
        Assert.Contains("map: { features.0: conv1, fc.weight: linear2.weight }", resolved);
        var again = SpecHelpers.Plan(resolved);
        Assert.Equal(SpecWriter.Write(plan.Spec), SpecWriter.Write(again.Spec));
    }

    [Theory]
    [InlineData("init: { run: runs/a, file: w.pt }", "gives both `run` and `file`", "init")]
    [InlineData("init: { file: w.pt, seed: 2 }", "`init.seed` picks a unit of a run", "init")]
    [InlineData("init: { file: weights.onnx }", "not `weights.onnx`", "init")]
    [InlineData("init: { epoch: best }", "`init` names no source", "init")]
    [InlineData("init: { model: tuned }", "`init.model` is the model itself", "init")]
    [InlineData("init: { model: standrad }", "`standrad`, which is not a model of this run", "init")]
    [InlineData("init: { model: standard, epoch: 99 }", "but `standard` trains for", "init")]
    [InlineData("init: { model: standard, epoch: first }", "write `last`, `best` or an epoch number", "init")]
    [InlineData("init: { model: standard, seed: 5 }", "`init.seed` is 5, which this run does not train", "init")]
    [InlineData("init: { model: standard, only: [conv9] }", "`init.only` names `conv9`", "init")]
    [InlineData("freeze: [conv3]", "`freeze` names `conv3`, which is not one of its layers", "freeze")]
    [InlineData("freeze: [relu1]", "a relu layer without parameters", "freeze")]
    [InlineData("freeze: [conv1, conv2, linear1, linear2]", "`freeze` leaves no parameter to train", "freeze")]
    public void Each_mistake_is_an_error_at_its_line(string entry, string message, string key)
    {
        string yaml = With($"  tuned:\n    extends: standard\n    {entry}\n");
        var error = Assert.Single(SpecHelpers.Errors(yaml), e => e.IsError);
        Assert.Contains(message, error.Message);
        Assert.Equal(Array.FindIndex(yaml.Split('\n'), l => l.Contains(entry, StringComparison.Ordinal)) + 1, error.Where!.Line);
        Assert.StartsWith(key, yaml.Split('\n')[error.Where.Line - 1].Trim());
    }

    [Fact]
    public void A_typo_in_a_source_model_suggests_the_model_and_a_cycle_is_one_error()
    {
        var typo = Assert.Single(SpecHelpers.Errors(With("  tuned:\n    extends: standard\n    init: { model: standrad }\n")));
        Assert.Contains("standard", typo.Hint);
        var cycle = SpecHelpers.Errors(With("""
              a:
                extends: standard
                init: { model: b }
              b:
                extends: standard
                init: { model: a }

            """));
        var error = Assert.Single(cycle);
        Assert.Equal("init-cycle", error.Code);
        Assert.Contains("a <- b <- a", error.Message);
    }

    [Fact]
    public void A_map_entry_must_name_a_target()
    {
        var errors = SpecHelpers.Errors(With("  tuned:\n    extends: standard\n    init: { file: w.pt, map: { fc1: [linear1] } }\n"));
        Assert.Contains(errors, e => e.Message.Contains("`models.tuned.init.map.fc1` must rename a tensor or layer", StringComparison.Ordinal));
    }

    [Fact]
    public void A_variant_that_differs_only_by_its_starting_weights_is_not_called_identical()
    {
        var load = SpecLoader.LoadText(With("  tuned:\n    extends: standard\n    init: { model: standard }\n  frozen:\n    extends: standard\n    freeze: [conv1]\n  copy:\n    extends: standard\n"), "t.yaml");
        var diagnostics = new DiagnosticBag();
        Assert.NotNull(Planning.Planner.Plan(load.Spec!, diagnostics));
        var warning = Assert.Single(diagnostics.Items, d => d.Code == "identical-models");   // only the plain copy
        Assert.Contains("model `copy` is identical to `standard`", warning.Message);
    }
}
