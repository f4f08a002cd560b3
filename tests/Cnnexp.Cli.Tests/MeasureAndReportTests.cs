namespace Cnnexp.Cli.Tests;

/// <summary>`plan --measure` and `report DIR`, which reach the engine and the figures through the facade.</summary>
public class MeasureAndReportTests
{
    const string Spec = """
        name: tiny
        seeds: [0]
        data: { dataset: synthetic, batch_size: 32, limit: 200 }
        train: { epochs: 1 }
        models:
          conv: { layers: [conv2d: { out: 4, kernel: 3, padding: 1 }, relu, maxpool2d: 4, flatten, linear: { out: 10 }] }
        """;

    static string WriteSpec()
    {
        string spec = Path.Combine(Cli.TempDir(), "tiny.yaml");
        File.WriteAllText(spec, Spec);
        return spec;
    }

    [Fact]
    public async Task Plan_measure_adds_an_estimated_time_per_epoch_and_in_total()
    {
        var r = await Cli.Run("plan", WriteSpec(), "--measure", "--threads", "1", "--format", "markdown");
        Assert.True(r.ExitCode == 0, r.Output);
        Assert.Contains("| est. s / epoch | est. total |", r.Stdout);
        Assert.Matches(@"\| conv +\| +0 \| +[\d,]+ \| +[\d,]+ \| +\d+\.\d \| \d\d:\d\d:\d\d +\|", r.Stdout);   // seconds, and hh:mm:ss
    }

    [Fact]
    public async Task Report_names_the_html_and_markdown_reports_in_the_run_directory()
    {
        string outDir = Path.Combine(Cli.TempDir(), "run");
        var run = await Cli.Run("run", WriteSpec(), "--out", outDir, "--quiet", "--threads", "1");
        Assert.True(run.ExitCode == 0, run.Output);
        var r = await Cli.Run("report", outDir);
        Assert.True(r.ExitCode == 0, r.Output);
        Assert.Contains($"report: {Path.Combine(outDir, "report.html")}\n", r.Stdout);
        Assert.Contains($"report: {Path.Combine(outDir, "report.md")}\n", r.Stdout);
        Assert.True(File.Exists(Path.Combine(outDir, "report.md")));
    }
}
