namespace Cnnexp.Cli.Tests;

/// <summary>`run --set`: overrides reach the trained models; bad ones stop before anything is trained.</summary>
public class RunOverrideTests
{
    [Fact]
    public async Task Overrides_reach_the_run_and_its_resolved_spec()
    {
        string outDir = Path.Combine(Cli.TempDir(), "run");
        var result = await Cli.Run("run", Repo.Path("experiments", "quickstart.yaml"), "--out", outDir, "--quiet",
            "--set", "train.epochs=1", "--set", "data.limit=300", "--set", "models.sumfirst.layers.conv1.out=4");
        Assert.True(result.ExitCode == 0, result.Output);
        string resolved = File.ReadAllText(Path.Combine(outDir, "spec.resolved.yaml"));
        Assert.Contains("epochs: 1", resolved);
        Assert.Contains("limit: 300", resolved);
        int sumfirst = resolved.IndexOf("  sumfirst:", StringComparison.Ordinal);
        Assert.Contains("conv2d: { name: conv1, out: 8,", resolved[..sumfirst]);     // standard keeps its conv1
        Assert.Contains("conv2d: { name: conv1, out: 4,", resolved[sumfirst..]);     // the override edits sumfirst only
    }

    [Fact]
    public async Task Overriding_a_base_model_changes_its_variants_as_editing_the_file_would()
    {
        var result = await Cli.Run("inspect", Repo.Path("experiments", "quickstart.yaml"), "--set", "models.standard.layers.conv1.out=4");
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(result.Output, @"│ conv1 +│ conv2d +│ 4x32x32 ").Count);
    }

    [Fact]
    public async Task Invalid_override_exits_2_and_trains_nothing()
    {
        string outDir = Path.Combine(Cli.TempDir(), "run");
        var result = await Cli.Run("run", Repo.Path("experiments", "quickstart.yaml"), "--out", outDir,
            "--set", "models.standard.layers.conv1.out=many");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--set:1:40: error: `models.standard.set.conv1.out` must be a whole number, not `many`", result.Output);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task A_sweep_trains_one_variant_per_value_under_its_bracketed_name()
    {
        string outDir = Path.Combine(Cli.TempDir(), "run");
        var result = await Cli.Run("run", Repo.Path("experiments", "width.yaml"), "--out", outDir,
            "--set", "data.dataset=synthetic", "--set", "data.limit=200", "--set", "train.epochs=1", "--set", "seeds=[0]",
            "--set", "models.standard.sweep.conv1.out=[4, 8]", "--set", "models.sumfirst.sweep.conv1.out=[4]");
        Assert.True(result.ExitCode == 0, result.Output);
        foreach (var name in new[] { "standard[conv1.out=4]", "standard[conv1.out=8]", "sumfirst[conv1.out=4]" })
            Assert.Contains(name, result.Output);                                  // names with brackets print (escaped markup)
        var models = Cnnexp.Results.MetricsCsv.Read(Path.Combine(outDir, "metrics.csv")).Select(m => m.Model).Distinct().Order();
        Assert.Equal(["standard[conv1.out=4]", "standard[conv1.out=8]", "sumfirst[conv1.out=4]"], models);
    }
}
