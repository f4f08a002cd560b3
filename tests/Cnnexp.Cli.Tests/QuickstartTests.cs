using Cnnexp.Results;

namespace Cnnexp.Cli.Tests;

public class QuickstartTests
{
    [Fact]
    public async Task Quickstart_trains_both_models_and_writes_the_run_directory()
    {
        string outDir = Path.Combine(Cli.TempDir(), "run");
        var result = await Cli.Run("run", Repo.Path("experiments", "quickstart.yaml"), "--out", outDir);

        Assert.True(result.ExitCode == 0, result.Output);
        foreach (var file in new[] { "spec.resolved.yaml", "metrics.csv", "summary.json", "run.log", "figures/loss.png" })
            Assert.True(File.Exists(Path.Combine(outDir, file)), $"{file} missing");

        var metrics = MetricsCsv.Read(Path.Combine(outDir, "metrics.csv"));
        Assert.Equal(2 * 4, metrics.Count);                               // 2 models x 4 epochs, one seed
        foreach (var model in new[] { "standard", "sumfirst" })
        {
            var rows = metrics.Where(m => m.Model == model).OrderBy(m => m.Epoch).ToList();
            Assert.True(rows[^1].TrainLoss < rows[0].TrainLoss * 0.8, $"{model}: loss did not fall");
        }
        // Colour carries half the labels of the synthetic set: summing channels first must cost accuracy.
        var summary = RunFiles.ReadJson<RunSummary>(Path.Combine(outDir, "summary.json"));
        var acc = summary.Models.ToDictionary(m => m.Name, m => m.MeanTestAccuracy);
        Assert.True(acc["standard"] > acc["sumfirst"] + 0.15, $"standard {acc["standard"]:P1} vs sumfirst {acc["sumfirst"]:P1}");
        Assert.Contains("standard", result.Output);
        Assert.Contains("test accuracy", result.Output);
    }

    [Fact]
    public async Task Invalid_spec_exits_2_and_prints_the_line()
    {
        string dir = Cli.TempDir();
        string spec = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(spec, "name: bad\nmodels:\n  a:\n    layers:\n      - conv2d: { out: 8, kernal: 3 }\n");
        var result = await Cli.Run("run", spec, "--out", Path.Combine(dir, "run"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bad.yaml:5:27: error: unknown key `kernal`", result.Output);
        Assert.Contains("did you mean `kernel`?", result.Output);
        Assert.False(Directory.Exists(Path.Combine(dir, "run")), "nothing may be trained or written for an invalid spec");
    }

    [Fact]
    public async Task Version_and_help_work()
    {
        var version = await Cli.Run("--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Output.Trim());
        var help = await Cli.Run("--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("report <DIR>", help.Output);
        Assert.Contains("Train every model of a spec", help.Output);
    }

    [Fact]
    public async Task Unknown_option_exits_2()
    {
        var result = await Cli.Run("run", "x.yaml", "--epochz", "3");
        Assert.Equal(2, result.ExitCode);
    }
}
