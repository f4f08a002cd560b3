using Cnnexp.Results;
using SkiaSharp;

namespace Cnnexp.Scripting.Tests;

/// <summary>
/// The studies in experiments/ that use hooks, run reduced (fewer images and epochs) so they cannot
/// rot. Together they exercise every hook kind: input transform, layer, metric, callbacks, figure.
/// </summary>
public class StudyTests
{
    [Fact]
    public async Task Opponent_study_transform_and_metrics_split_accuracy_into_colour_and_shape()
    {
        var load = Experiment.Load(Repo.Path("experiments", "opponent.yaml"));
        Assert.True(load.Ok, load.FormatDiagnostics());
        var spec = load.Spec!.WithDataLimit(600).WithEpochs(2).WithSeeds([0]);

        var plan = Experiment.Plan(spec, load.Sources, new() { CacheDirectory = Workspace.SharedCache });
        Assert.True(plan.Ok, plan.FormatDiagnostics());
        Assert.Equal("1x32x32", plan.Plan!.Model("luminance").Transforms[0].Output.ToString());    // the script's shape rule
        Assert.Equal("2x32x32", plan.Plan.Model("chromatic").Transforms[0].Output.ToString());
        Assert.Equal(plan.Plan.Model("rgb").Parameters - 2 * 72, plan.Plan.Model("luminance").Parameters);   // conv1 sees 1 channel, not 3

        using var ws = new Workspace();
        string dir = ws.Path("run");
        var run = await Experiment.RunAsync(spec, new RunSettings { OutDir = dir, HookCache = Workspace.SharedCache });
        Assert.True(run.Ok, run.FormatDiagnostics() + string.Join("\n", run.Failures));
        Assert.All(run.Metrics, m => Assert.True(m.Extra.ContainsKey("test_family") && m.Extra.ContainsKey("test_shape"), $"{m.Model} {m.Epoch}"));
        double Family(string model) => run.Metrics.Where(m => m.Model == model).MaxBy(m => m.Epoch)!.Extra["test_family"];
        Assert.InRange(Family("luminance"), 0.35, 0.65);                 // R+G+B carries no colour family: chance
        Assert.True(Family("chromatic") > Family("luminance") + 0.25, $"chromatic {Family("chromatic")}, luminance {Family("luminance")}");
        foreach (string f in new[] { "metric_family.png", "metric_shape.png" })
            Assert.Contains(Path.Combine(dir, "figures", f), run.Figures);
    }

    [Fact]
    public async Task Gradnorm_study_layer_batch_records_run_start_and_custom_figure()
    {
        var load = Experiment.Load(Repo.Path("experiments", "gradnorm.yaml"));
        Assert.True(load.Ok, load.FormatDiagnostics());
        var spec = load.Spec!.WithDataLimit(300).WithEpochs(2);
        using var ws = new Workspace();
        string dir = ws.Path("run");
        var lines = new List<string>();

        var run = await Experiment.RunAsync(spec, new RunSettings { OutDir = dir, HookCache = Workspace.SharedCache, Log = lines.Add });

        Assert.True(run.Ok, run.FormatDiagnostics() + string.Join("\n", run.Failures));
        var models = run.Summary!.Models.ToDictionary(m => m.Name);
        Assert.Equal(models["rgb"].Parameters + 9, models["opponent_layer"].Parameters);   // the script layer's 3x3 weights
        foreach (var m in run.Metrics)
        {
            var expected = new[] { "conv1", "conv2", "linear1", "linear2" }.Concat(m.Model == "opponent_layer" ? ["opponent"] : []);
            Assert.Equal(expected.Select(l => $"gradnorm.{l}").Order(), m.Extra.Keys.Order());
            Assert.All(m.Extra.Values, v => Assert.True(v > 0 && double.IsFinite(v)));
        }
        Assert.Contains(lines, l => l.Contains("gradnorm.csx] recording per-layer gradient norms for rgb, opponent_layer"));
        Assert.Contains(lines, l => l.StartsWith("2 hook scripts:", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(dir, "hooks.json")));
        using var png = SKBitmap.Decode(Path.Combine(dir, "figures", "gradnorm.png"));
        Assert.Equal((1000, 600), (png.Width, png.Height));
        Assert.True(Inked(png, 0, 500) && Inked(png, 500, 1000), "both models' panels must be drawn");
        Assert.True(File.Exists(Path.Combine(dir, "figures", "gradnorm.svg")));

        File.Delete(Path.Combine(dir, "figures", "gradnorm.png"));
        var report = Experiment.Report(dir);                                    // `cnnexp report DIR`: no training
        Assert.Contains(Path.Combine(dir, "figures", "gradnorm.png"), report.Figures);
        Assert.True(File.Exists(Path.Combine(dir, "figures", "gradnorm.png")));
    }

    /// <summary>True when the columns [from, to) below the title band hold dark (drawn) pixels.</summary>
    static bool Inked(SKBitmap bitmap, int from, int to)
    {
        int dark = 0;
        for (int x = from; x < to; x += 2)
            for (int y = 60; y < bitmap.Height; y += 2)
                if (bitmap.GetPixel(x, y) is var c && c.Red + c.Green + c.Blue < 200) dark++;
        return dark > 100;
    }
}

/// <summary>Every shipped experiment that names scripts plans with them, and its resolved spec reads back to the same plan.</summary>
public class HookExperimentPlanTests
{
    public static TheoryData<string> Experiments() => new(Directory.GetFiles(Repo.Path("experiments"), "*.yaml")
        .Where(f => Spec.Scripts.HookReference.Of(Experiment.Load(f).Spec!).Count > 0).Select(Path.GetFileName).Order()!);

    [Theory, MemberData(nameof(Experiments))]
    public void Plans_with_its_hooks_and_the_resolved_spec_reads_back_to_the_same_plan(string file)
    {
        string path = Repo.Path("experiments", file);
        var hooks = new Scripting.Loading.HookOptions { CacheDirectory = Workspace.SharedCache };
        var plan = Experiment.Plan(Experiment.Load(path).Spec!, null, hooks);
        Assert.True(plan.Ok, plan.FormatDiagnostics());
        Assert.Empty(plan.Diagnostics);                                                      // no warnings either
        string resolved = Spec.Yaml.SpecWriter.Write(plan.Plan!.Spec);
        var again = Experiment.Plan(Experiment.Parse(resolved, path).Spec!, null, hooks);     // read as if from the spec's folder
        Assert.True(again.Ok, again.FormatDiagnostics());
        static string Summary(Spec.Planning.ModelPlan m) => $"{m.Name}: {string.Join(" ", m.Layers.Select(l => $"{l.Name}={l.Output}/{l.Parameters}"))}";
        Assert.Equal(plan.Plan.Models.Select(Summary), again.Plan!.Models.Select(Summary));
        Assert.Equal(resolved, Spec.Yaml.SpecWriter.Write(again.Plan.Spec));
    }

    [Theory, MemberData(nameof(Experiments))]
    public void Every_model_builds_runs_and_counts_its_planned_parameters(string file)
    {
        var plan = Experiment.Plan(Experiment.Load(Repo.Path("experiments", file)).Spec!, null,
            new Scripting.Loading.HookOptions { CacheDirectory = Workspace.SharedCache });
        Assert.True(plan.Ok, plan.FormatDiagnostics());
        foreach (var model in plan.Plan!.Models)
        {
            using var scope = TorchSharp.torch.NewDisposeScope();
            using var module = Engine.Modules.ModelBuilder.Build(model);
            module.eval();
            var y = module.forward(TorchSharp.torch.rand(model.Input.WithBatch(2), generator: TestRandom.Generator));      // (N, C, H, W) -> (N, classes)
            Assert.Equal(model.Output.WithBatch(2), y.shape);
            Assert.Equal(model.Parameters, module.parameters().Sum(p => p.numel()));
        }
    }
}
