namespace Cnnexp.Scripting.Tests;

/// <summary>What a user sees when a hook is wrong: compiler-quality messages, exit 2, nothing trained.</summary>
public class ErrorTests
{
    [Fact]
    public async Task A_compile_error_prints_file_line_col_id_the_line_and_a_caret_exits_2_and_trains_nothing()
    {
        using var ws = new Workspace()
            .Write("hooks/bad.csx", """
                // reads a metric with a typo
                OnEpochEnd(e =>
                {
                    var acc = e.Metrics.TestAcuracy;
                });
                """)
            .Write("study.yaml", Workspace.TinySpec("study", "hooks: [hooks/bad.csx]"));

        var (code, output) = await ws.Cli("run", "study.yaml", "--out", "run");

        Assert.Equal(2, code);
        Assert.Contains("""
            hooks/bad.csx:4:25: error CS1061: 'EpochMetrics' does not contain a definition for 'TestAcuracy'
            """.Trim(), output);
        Assert.Contains("    4 |     var acc = e.Metrics.TestAcuracy;\n      |                         ^", output.Replace("\r", ""));
        Assert.False(Directory.Exists(ws.Path("run")), "nothing may be trained or written");
    }

    [Fact]
    public void An_error_in_a_loaded_file_is_reported_in_that_file()
    {
        using var ws = new Workspace()
            .Write("hooks/common.csx", "static double Twice(double x) => x * 2;\nstatic double Broken() => undefinedName;\n")
            .Write("hooks/main.csx", "#load \"common.csx\"\nOnEpochEnd(e => e.Record(\"twice\", Twice(e.Metrics.TestAccuracy)));\n")
            .Write("study.yaml", Workspace.TinySpec("study", "hooks: [hooks/main.csx]"));

        var plan = Experiment.Plan(ws.Load("study.yaml").Spec!, null, new() { CacheDirectory = Workspace.SharedCache });

        var error = Assert.Single(plan.Diagnostics);
        Assert.Equal("CS0103", error.Code);
        Assert.Equal((Path.Combine(ws.Dir, "hooks", "common.csx"), 2, 27), (error.Where!.File, error.Where.Line, error.Where.Column));
        Assert.Contains("static double Broken() => undefinedName;", plan.FormatDiagnostics());
    }

    [Fact]
    public async Task An_exception_in_top_level_code_is_reported_at_its_line_and_exits_2()
    {
        using var ws = new Workspace()
            .Write("hooks/throws.csx", "var table = new Dictionary<string, int>();\nvar missing = table[\"absent\"];\n")
            .Write("study.yaml", Workspace.TinySpec("study", "hooks: [hooks/throws.csx]"));

        var (code, output) = await ws.Cli("run", "study.yaml", "--out", "run");

        Assert.Equal(2, code);
        Assert.Contains("hooks/throws.csx:2:1: error: `hooks/throws.csx` threw while running its top-level code: KeyNotFoundException", output);
        Assert.False(Directory.Exists(ws.Path("run")));
    }

    [Fact]
    public void Script_layer_problems_are_reported_at_the_yaml_line_before_training()
    {
        using var ws = new Workspace().Write("hooks/dense.csx", """
            // A linear layer whose output size comes from args.out; args.lie makes it claim one more.
            Layer(ctx =>
            {
                if (ctx.Input.Rank != 1) throw ctx.Fail($"dense needs features, got {ctx.Input}", "add `- flatten` before it");
                int size = ctx.Args.Int("out");
                return new LayerBuild(nn.Linear(ctx.Input.Dims[0], size), Shape.Features(ctx.Args.Bool("lie", false) ? size + 1 : size));
            });
            """);
        string Line(string args, string before = "flatten, ") =>
            $"    layers: [conv2d: {{ out: 4, kernel: 3 }}, {before}script: {{ path: hooks/dense.csx, args: {args} }}]";
        PlanResult Plan(string line)
        {
            ws.Write("dense.yaml", $"name: dense\nmodels:\n  a:\n{line}\n");
            return Experiment.Plan(ws.Load("dense.yaml").Spec!, null, new() { CacheDirectory = Workspace.SharedCache });
        }
        string Error(string line) => Plan(line).FormatDiagnostics().Replace(ws.Dir + "/", "");

        var ok = Plan(Line("{ out: 10 }"));
        Assert.True(ok.Ok, ok.FormatDiagnostics());
        Assert.Equal(3600L * 10 + 10, ok.Plan!.Model("a").Layers[^1].Parameters);          // counted from the built module

        string wrongType = Line("{ out: ten }");
        Assert.Contains($"dense.yaml:4:{wrongType.IndexOf("out: ten", StringComparison.Ordinal) + 6}: error: model `a`, layer `script1` (script): " +
                        "hooks/dense.csx: `args.out` must be a whole number, not `ten`", Error(wrongType));
        string typo = Line("{ out: 10, lei: true }");
        Assert.Contains($"dense.yaml:4:{typo.IndexOf("true", StringComparison.Ordinal) + 1}: error: model `a`, layer `script1` (script): " +
                        "hooks/dense.csx does not use `args.lei`", Error(typo));
        Assert.Contains("hint: did you mean `lie`?", Error(typo));
        Assert.Contains("hooks/dense.csx says its layer turns 3600 into 11, but on a zero batch it returns 10", Error(Line("{ out: 10, lie: true }")));
        Assert.Contains("hooks/dense.csx: dense needs features, got 4x30x30\n", Error(Line("{ out: 10 }", before: "")));
    }

    [Fact]
    public void A_script_used_for_what_it_does_not_register_is_an_error_at_the_yaml_line()
    {
        using var ws = new Workspace()
            .Write("hooks/metric.csx", "Metric(\"half\", (logits, labels) => 0.5);\n")
            .Write("study.yaml", """
                name: misuse
                models:
                  a:
                    input: [script: { path: hooks/metric.csx }]
                    layers: [flatten, linear: { out: 10 }]
                """);

        var plan = Experiment.Plan(ws.Load("study.yaml").Spec!, null, new() { CacheDirectory = Workspace.SharedCache });

        int column = "    input: [script: { path: ".Length + 1;
        Assert.Contains($"study.yaml:4:{column}: error: `hooks/metric.csx` is used as an input transform of model `a`, but it registers no input transform",
            plan.FormatDiagnostics().Replace(ws.Dir + "/", ""));
    }

    [Fact]
    public void Two_hooks_may_not_register_one_name_nor_take_a_built_in_figure_name()
    {
        using var ws = new Workspace()
            .Write("hooks/one.csx", "Metric(\"same\", (logits, labels) => 1.0);\n")
            .Write("hooks/two.csx", "Metric(\"same\", (logits, labels) => 2.0);\nFigure(\"loss\", f => { });\n")
            .Write("study.yaml", Workspace.TinySpec("names", "hooks: [hooks/one.csx, hooks/two.csx]"));

        var plan = Experiment.Plan(ws.Load("study.yaml").Spec!, null, new() { CacheDirectory = Workspace.SharedCache });

        string text = plan.FormatDiagnostics().Replace(ws.Dir + "/", "");
        int two = "hooks: [hooks/one.csx, ".Length + 1;
        Assert.Contains($"study.yaml:4:{two}: error: metric `same` is registered by both `", text);
        Assert.Contains($"study.yaml:4:{two}: error: `", text);
        Assert.Contains("registers figure `loss`, a name cnnexp uses itself", text);
    }

    [Fact]
    public async Task No_hooks_refuses_every_script_the_spec_names_and_trains_nothing()
    {
        using var ws = new Workspace()
            .Write("hooks/never.csx", "throw new Exception(\"must not run\");\n")
            .Write("study.yaml", Workspace.TinySpec("study", "hooks: [hooks/never.csx]")
                .Replace("    extends: a", "    extends: a\n    input: [script: { path: hooks/never.csx }]"));

        var (code, output) = await ws.Cli("run", "study.yaml", "--out", "run", "--no-hooks");

        Assert.Equal(2, code);
        Assert.Contains("study.yaml:4:9: error: this spec runs the script `hooks/never.csx` (under `hooks:`), and hooks are refused (--no-hooks)", output);
        Assert.Contains("error: this spec runs the script `hooks/never.csx` (as an input transform of model `b`)", output);
        Assert.Contains("2 errors", output);
        Assert.DoesNotContain("must not run", output);
        Assert.False(Directory.Exists(ws.Path("run")));
    }
}
