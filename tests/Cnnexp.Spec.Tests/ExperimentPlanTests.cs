using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Yaml;
using static Cnnexp.Spec.Tests.SpecHelpers;

namespace Cnnexp.Spec.Tests;

/// <summary>The shipped experiments: each plans, the notebook's shapes come out, and the resolved spec reads back to the same plan.</summary>
public class ExperimentPlanTests
{
    /// <summary>Every shipped experiment but those whose `- script:` layers get their shapes from compiled scripts
    /// (planned with their hooks in Cnnexp.Scripting.Tests' HookExperimentPlanTests).</summary>
    public static TheoryData<string> Experiments =>
        new(Directory.GetFiles(Repo.Path("experiments"), "*.yaml")
            .Where(f => !Scripts.HookReference.Of(SpecLoader.LoadFile(f).Spec!).Any(r => r.Use != Scripts.HookUse.Hooks))
            .Select(Path.GetFileName).Order()!);

    [Fact]
    public void Quickstart_plans_the_notebook_shapes_for_both_models()
    {
        var plan = PlanFile("quickstart.yaml");
        var standard = plan.Model("standard");
        Assert.Equal(["8x32x32", "8x32x32", "16x32x32", "16x32x32", "16x16x16", "4096", "64", "64", "10"], Shapes(standard));
        Assert.Equal(["conv1", "relu1", "conv2", "relu2", "maxpool1", "flatten1", "linear1", "relu3", "linear2"], Names(standard));
        Assert.Equal(3, standard.Layers[0].Input.C);

        var sumfirst = plan.Model("sumfirst");
        Assert.Equal("1x32x32", sumfirst.Layers[0].Input.ToString());
        Assert.Equal("channel_sum", sumfirst.Transforms.Single().Spec.Kind);
        // conv1 loses 2 of 3 input channels: 8*3*3*3+8 = 224 vs 8*1*3*3+8 = 80 parameters.
        Assert.Equal(224, standard.Layers[0].Parameters);
        Assert.Equal(80, sumfirst.Layers[0].Parameters);
        Assert.Equal(standard.Parameters - 144, sumfirst.Parameters);
    }

    [Fact]
    public void Sumfirst_is_the_notebook_on_cifar10()
    {
        var plan = PlanFile("sumfirst.yaml");
        Assert.Equal("cifar10", plan.Dataset.Name);
        Assert.Equal([0, 1, 2, 3, 4], plan.Spec.Seeds.Fixed);
        Assert.Equal(25, plan.Spec.Train.Epochs);
        Assert.Equal(["samples", "transforms", "shapes", "channel_contributions", "curves", "accuracy", "confusion"], plan.Spec.Figures!);
        Assert.Equal(Shapes(PlanFile("quickstart.yaml").Model("standard")), Shapes(plan.Model("standard")));
        Assert.Equal(4096 * 64 + 64, plan.Model("standard").Layers[6].Parameters);     // the notebook's Linear(16*16*16, 64)
    }

    /// <summary>The two entry-point specs stay one file each (the README shows sumfirst.yaml whole, and quickstart.yaml
    /// is the one users copy first); the other studies include experiments/stacks/notebook.yaml. The copies must not drift.</summary>
    [Theory]
    [InlineData("sumfirst.yaml")]
    [InlineData("quickstart.yaml")]
    public void The_entry_point_specs_write_out_the_shared_notebook_stack_unchanged(string file)
    {
        Assert.DoesNotContain("include:", File.ReadAllText(Repo.Path("experiments", file)));
        var shared = SpecLoader.LoadText("name: t\ninclude: [stacks/notebook.yaml]\nmodels: { standard: { layers: [block: notebook] } }\n",
            Repo.Path("experiments", "shared.yaml"));
        Assert.True(shared.Ok, shared.FormatDiagnostics());
        var planned = Planner.Plan(shared.Spec!, new DiagnosticBag())!.Model("standard").Spec.Layers!;
        Assert.Equal(planned.Select(SpecWriter.Flow), PlanFile(file).Model("standard").Spec.Layers!.Select(SpecWriter.Flow));
    }

    [Theory, MemberData(nameof(Experiments))]
    public void Every_experiment_plans_and_its_resolved_spec_reads_back_to_the_same_plan(string file)
    {
        var plan = PlanFile(file);
        string resolved = SpecWriter.Write(plan.Spec);
        var again = Plan(resolved);
        Assert.Equal(plan.Models.Select(Summary), again.Models.Select(Summary));
        Assert.Equal(resolved, SpecWriter.Write(again.Spec));                          // resolving is idempotent
    }

    [Fact]
    public void Misspelt_layer_points_at_its_line_and_suggests_the_right_name()
    {
        var load = SpecLoader.LoadText("""
            name: t
            models:
              a:
                layers:
                  - conv2d: { out: 8, kernel: 3 }
                  - maxpol2d: { kernel: 2 }
            """, "t.yaml");
        var d = Assert.Single(load.Diagnostics);
        Assert.Equal(new SourceSpan("t.yaml", 6, 9), d.Where);
        Assert.Equal("did you mean `maxpool2d`?", d.Hint);
        Assert.Contains("6 |       - maxpol2d", load.FormatDiagnostics());
    }

    static string Summary(ModelPlan m) =>
        $"{m.Name}: {string.Join(" ", m.Transforms.Select(t => t.Spec.Kind))} | " +
        string.Join(" ", m.AllLayers.Select(l => $"{l.Name}:{l.Spec.Kind}:{l.Output}:{l.Parameters}:{l.Macs}"));
}
