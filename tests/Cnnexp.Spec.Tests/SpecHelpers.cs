using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Tests;

/// <summary>Load + plan in one call, failing the test with the formatted diagnostics.</summary>
static class SpecHelpers
{
    public static ExperimentPlan Plan(string yaml, params string[] overrides)
    {
        var load = SpecLoader.LoadText(yaml, "t.yaml", overrides);
        Assert.True(load.Ok, load.FormatDiagnostics());
        var diagnostics = new DiagnosticBag();
        var plan = Planner.Plan(load.Spec!, diagnostics);
        Assert.True(plan is not null, DiagnosticFormatter.FormatAll(diagnostics.Items, load.Sources));
        return plan!;
    }

    public static ExperimentPlan PlanFile(string file, params string[] overrides)
    {
        var load = SpecLoader.LoadFile(Repo.Path("experiments", file), overrides);
        Assert.True(load.Ok, load.FormatDiagnostics());
        var diagnostics = new DiagnosticBag();
        var plan = Planner.Plan(load.Spec!, diagnostics);
        Assert.True(plan is not null, DiagnosticFormatter.FormatAll(diagnostics.Items, load.Sources));
        return plan!;
    }

    /// <summary>A shipped experiment's text with its `include:` line replaced by the included files' text: one file again.</summary>
    public static string Inlined(string path) =>
        System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(path), @"^include: \[(.*)\].*\n", m =>
            string.Concat(m.Groups[1].Value.Split(',').Select(f => File.ReadAllText(Path.Combine(Path.GetDirectoryName(path)!, f.Trim())))),
            System.Text.RegularExpressions.RegexOptions.Multiline);

    /// <summary>All diagnostics of load, then plan (if the load succeeded), as printed.</summary>
    public static IReadOnlyList<Diagnostic> Errors(string yaml, params string[] overrides)
    {
        var load = SpecLoader.LoadText(yaml, "t.yaml", overrides);
        if (!load.Ok) return load.Diagnostics;
        var diagnostics = new DiagnosticBag();
        Assert.Null(Planner.Plan(load.Spec!, diagnostics));
        return diagnostics.Items;
    }

    public static IEnumerable<string> Shapes(ModelPlan m) => m.Layers.Select(l => l.Output.ToString());
    public static IEnumerable<string> Names(ModelPlan m) => m.Layers.Select(l => l.Name);

    /// <summary>The notebook's stack on the synthetic data (3x32x32, 10 classes).</summary>
    public const string Notebook = """
        name: t
        models:
          standard:
            layers:
              - conv2d: { out: 8, kernel: 3, padding: 1 }
              - relu
              - conv2d: { out: 16, kernel: 3, padding: 1 }
              - relu
              - maxpool2d: { kernel: 2 }
              - flatten
              - linear: { out: 64 }
              - relu
              - linear: { out: 10 }

        """;
}
