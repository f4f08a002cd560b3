using System.Diagnostics;
using Cnnexp.Figures.Report;
using Cnnexp.Results;
using Cnnexp.Results.Artefacts;

namespace Cnnexp.Figures.Tests;

[Collection("real run")]
public class RealRunTests(RealRun run)
{
    static readonly string[] AlwaysDrawn =
        ["samples", "transforms", "shapes", "channel_contributions", "filters", "feature_maps", "curves", "loss", "accuracy"];

    [Fact]
    public void Run_writes_figures_report_and_artefacts()
    {
        foreach (var name in AlwaysDrawn)
        {
            Assert.True(run.Files.ContainsKey(name + ".png"), $"{name}.png missing");
            Assert.True(run.Files.ContainsKey(name + ".svg"), $"{name}.svg missing");
        }
        Assert.True(File.Exists(Path.Combine(run.Dir, RunReport.HtmlFile)));
        Assert.True(File.Exists(Path.Combine(run.Dir, RunReport.MarkdownFile)));
        var samples = ArtefactFiles.ReadSamples(run.Dir)!;
        Assert.Equal(Enumerable.Range(0, 10), samples.Labels);                   // one test image per class
        var models = ArtefactFiles.ReadModels(run.Dir);
        Assert.Equal([3, 32, 32], models["standard"].Inputs.Shape.Skip(1));
        Assert.Equal([1, 32, 32], models["sumfirst"].Inputs.Shape.Skip(1));       // channel_sum applied
        Assert.Null(models["sumfirst"].Contributions);                          // one input channel: nothing to split
    }

    [Fact]
    public void Channel_decomposition_of_the_trained_weights_agrees_with_the_layer_within_1e_5()
    {
        var summary = RunFiles.ReadJson<RunSummary>(Path.Combine(run.Dir, RunFiles.Summary));
        double measured = summary.Checks["channel_contributions.standard.conv1.max_abs_difference"];
        Assert.InRange(measured, 0, 1e-5);
        var c = ArtefactFiles.ReadModels(run.Dir)["standard"].Contributions!;
        Assert.Equal(8, c.OutputChannels);
        Assert.True(c.MaxAbsDifference <= measured);                             // seed 0 of the max over seeds
        foreach (var f in c.Filters)
        {
            // Recompute in C# from the saved maps: channels + bias = sum, and sum ≈ the layer's own output.
            for (int p = 0; p < f.Sum.Values.Length; p++)
            {
                double sum = f.Bias + Enumerable.Range(0, 3).Sum(ch => (double)f.Channels.Values[ch * f.Sum.Values.Length + p]);
                Assert.True(Math.Abs(sum - f.Sum.Values[p]) < 1e-5, $"filter {f.Filter}: channels + bias ≠ sum at {p}");
                Assert.True(Math.Abs(f.Sum.Values[p] - f.Output.Values[p]) < 1e-5, $"filter {f.Filter}: sum ≠ output at {p}");
            }
            Assert.True(f.Output.MaxAbs > 1e-3, "the layer output is trivially zero");
        }
    }

    [Fact]
    public void Report_command_with_fonts_hidden_reproduces_every_figure_byte_for_byte()
    {
        // A copy of the finished run without its figures and reports: `cnnexp report` must draw them again.
        string copy = Path.Combine(Scratch.NewDir(), "run");
        foreach (var file in Directory.GetFiles(run.Dir, "*", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(run.Dir, file);
            if (rel.StartsWith("figures", StringComparison.Ordinal) || rel.StartsWith("report.", StringComparison.Ordinal)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, rel))!);
            File.Copy(file, Path.Combine(copy, rel));
        }
        string output = FontlessCli.Run("report", copy);
        Assert.Contains("report: ", output);
        foreach (var (file, bytes) in run.Files)
        {
            string path = Path.Combine(copy, "figures", file);
            Assert.True(File.Exists(path), $"{file} was not redrawn:\n{output}");
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(path)), $"{file} differs from the one `cnnexp run` drew");
        }
        Assert.Equal(run.Files.Count, Directory.GetFiles(Path.Combine(copy, "figures")).Length);
        Assert.True(File.Exists(Path.Combine(copy, RunReport.HtmlFile)));
    }
}

/// <summary>
/// Runs the real `cnnexp` (Cnnexp.Cli.dll) in a child process that can see no fonts: an empty
/// fontconfig configuration, an empty font path and an empty home. Whatever text its figures hold
/// came from the font embedded in the assembly.
/// </summary>
static class FontlessCli
{
    public static string Run(params string[] args)
    {
        string root = Scratch.NewDir(), empty = Path.Combine(root, "empty");
        Directory.CreateDirectory(empty);
        string conf = Path.Combine(root, "fonts.conf");
        File.WriteAllText(conf, "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig></fontconfig>\n");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Cnnexp.Cli.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["FONTCONFIG_FILE"] = conf;
        info.Environment["FONTCONFIG_PATH"] = empty;
        info.Environment["HOME"] = empty;
        info.Environment["XDG_DATA_HOME"] = empty;
        info.Environment["XDG_DATA_DIRS"] = empty;
        info.Environment["XDG_CONFIG_HOME"] = empty;
        info.Environment["CNNEXP_THREADS"] = "1";
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(3)), "cnnexp report timed out");
        Assert.True(p.ExitCode == 0, $"cnnexp {string.Join(' ', args)} exited {p.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }
}
