using FsExperiment = Cnnexp.FSharp.Experiment;
using FsSpec = Cnnexp.FSharp.SpecModule;

namespace Cnnexp.Interactive.Tests;

/// <summary>A spec, a load, a plan (C# and F#) in a notebook cell: the layer tables, or the diagnostics with their carets.</summary>
public sealed class PlanViewTests
{
    static readonly string SumFirst = Repo.Path("experiments", "sumfirst.yaml");

    [Fact]
    public void A_loaded_spec_shows_every_models_layer_table_with_shapes_parameters_and_MACs()
    {
        string html = Rendered.Html(Experiment.Load(SumFirst));

        var standard = Rendered.Rows(html, "cnnexp-layers", 0);
        Assert.Equal("layer | kind | settings | input | output | parameters | MACs", standard[0]);
        // The notebook's printed shapes, now by arithmetic: conv1 holds 8 × (3·3·3 + 1) = 224 parameters, 8·32·32·27 MACs.
        Assert.Equal("conv1 | conv2d | out: 8, kernel: 3, padding: 1 | 3×32×32 | 8×32×32 | 224 | 221,184", standard[1]);
        Assert.Equal("flatten1 | flatten |  | 16×16×16 | 4096 | 0 | 0", standard[6]);
        Assert.Equal("total |  |  | 3×32×32 | 10 | 264,250 | 1,663,616", standard[^1]);

        var sumfirst = Rendered.Rows(html, "cnnexp-layers", 1);
        Assert.Equal("channel_sum | input transform |  | 3×32×32 | 1×32×32 | – | –", sumfirst[1]);
        Assert.Equal("conv1 | conv2d | out: 8, kernel: 3, padding: 1 | 1×32×32 | 8×32×32 | 80 | 73,728", sumfirst[2]);
        Assert.Contains("<h4>sumfirst</h4>", html);
    }

    [Fact]
    public void A_spec_a_plan_result_a_plan_and_the_FSharp_plan_show_the_same_tables()
    {
        var load = Experiment.Load(SumFirst);
        var plan = Experiment.Plan(load.Spec!);
        var fsharp = FsExperiment.plan(FsSpec.load(SumFirst).ResultValue);
        string expected = Rendered.Html(load);
        Assert.Equal(expected, Rendered.Html(load.Spec!));
        Assert.Equal(expected, Rendered.Html(plan));
        Assert.Equal(expected, Rendered.Html(plan.Plan!));
        Assert.Equal(expected, Rendered.Html(fsharp));              // Result<Plan, Diagnostic list>, as `Experiment.plan spec` returns
        Assert.Equal(expected, Rendered.Html(fsharp.ResultValue));
    }

    [Fact]
    public void The_layer_table_nests_a_residual_body_and_its_skip_path()
    {
        string html = Rendered.Html(Experiment.Load(Repo.Path("experiments", "resnet.yaml")));
        var rows = Enumerable.Range(0, 4).SelectMany(i => Rendered.Rows(html, "cnnexp-layers", i)).ToList();
        Assert.Contains(rows, r => r.StartsWith("↳ conv", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("↳ + input | identity", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("↳ + projection | conv2d", StringComparison.Ordinal));
    }

    const string Typo = "name: t\nmodels: { a: { layers: [conv2d: { outt: 8 }, flatten, linear: { out: 10 }] } }\n";

    [Fact]
    public void Diagnostics_show_the_line_and_a_caret_under_the_bad_key_in_C_sharp_and_FSharp()
    {
        string caret = "      |                                   ^";                 // under `outt`, column 35
        foreach (var html in new[] { Rendered.Html(Experiment.Parse(Typo, "typo.yaml")), Rendered.Html(FsSpec.parseAs("typo.yaml", Typo)) })
        {
            Assert.Contains("<pre class=\"diagnostics\">", html);
            Assert.Contains("typo.yaml:2:35: error: unknown key `outt`", html);
            Assert.Contains("    2 | models: { a: { layers: [conv2d: { outt: 8 }, flatten, linear: { out: 10 }] } }", html);
            Assert.Contains(caret + "\n", html);
            Assert.Contains("did you mean `out`?", html);
            Assert.DoesNotContain("cnnexp-layers", html);
        }
    }

    [Fact]
    public void A_spec_that_loads_but_does_not_plan_shows_the_planning_error()
    {
        var load = Experiment.Parse("name: t\ndata: { dataset: synthetic }\nmodels: { a: { layers: [flatten, linear: { out: 7 }] } }\n", "seven.yaml");
        Assert.True(load.Ok, load.FormatDiagnostics());
        string html = Rendered.Html(load);
        Assert.Contains("<pre class=\"diagnostics\">", html);
        Assert.Contains("ends with shape 7, but synthetic has 10 classes", html);
        Assert.Contains("    3 | models: { a: { layers: [flatten, linear: { out: 7 }] } }", html);       // the loaded text, quoted
        Assert.Contains("      |                                  ^", html);
    }
}
