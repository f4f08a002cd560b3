using Cnnexp.Spec;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Tests;

public class QuickstartPlanTests
{
    static ExperimentPlan PlanOf(string file)
    {
        var load = SpecLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "experiments", file));
        Assert.True(load.Ok, load.FormatDiagnostics());
        var diagnostics = new DiagnosticBag();
        var plan = Planner.Plan(load.Spec!, diagnostics);
        Assert.False(diagnostics.HasErrors, DiagnosticFormatter.FormatAll(diagnostics.Items, load.Sources));
        return plan!;
    }

    [Fact]
    public void Quickstart_plans_the_notebook_shapes_for_both_models()
    {
        var plan = PlanOf("quickstart.yaml");
        var standard = plan.Model("standard");
        Assert.Equal(["8x32x32", "8x32x32", "16x32x32", "16x32x32", "16x16x16", "4096", "64", "64", "10"],
            standard.Layers.Select(l => l.Output.ToString()));
        Assert.Equal(["conv1", "relu1", "conv2", "relu2", "maxpool1", "flatten1", "linear1", "relu3", "linear2"],
            standard.Layers.Select(l => l.Name));
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
}
