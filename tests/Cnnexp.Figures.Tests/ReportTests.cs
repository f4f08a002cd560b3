using System.Text.RegularExpressions;
using Cnnexp.Cli;
using Cnnexp.Figures.Report;
using Spectre.Console;

namespace Cnnexp.Figures.Tests;

/// <summary>report.html and report.md of a synthetic run: self-contained, complete, and reachable from the command line.</summary>
public class ReportTests
{
    static readonly Lazy<(string Dir, ReportFiles Report)> Written = new(() =>
    {
        string dir = SyntheticRun.Write();
        return (dir, RunReport.Write(dir));
    });

    static string Html => File.ReadAllText(Written.Value.Report.Html);
    static string Markdown => File.ReadAllText(Written.Value.Report.Markdown);

    [Fact]
    public void Html_is_one_self_contained_file()
    {
        var sources = Regex.Matches(Html, "(?:src|href)=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(FigureCatalog.Names.Count, sources.Count(s => s.StartsWith("data:image/png;base64,", StringComparison.Ordinal)));
        Assert.All(sources, s => Assert.True(s.StartsWith("data:", StringComparison.Ordinal) || s.StartsWith('#'), $"external reference: {s}"));
        Assert.DoesNotContain("<script", Html);
        Assert.DoesNotContain("<link", Html);
        Assert.DoesNotContain("@import", Html);
    }

    [Fact]
    public void Html_holds_statistics_verdict_layers_diff_spec_and_manifest()
    {
        string html = Html;
        Assert.Contains("<table id=\"statistics\">", html);
        Assert.Contains("88.30%", html);                                                      // standard's mean test accuracy
        Assert.Contains("[", Regex.Match(html, "<table id=\"statistics\">.*?</table>", RegexOptions.Singleline).Value);   // a 95% CI cell
        Assert.Contains("standard beats sumfirst by 39.5 points", html);
        Assert.Contains("<table id=\"comparisons\">", html);
        Assert.Contains("channel_contributions.standard.conv1.max_abs_difference", html);
        Assert.Contains("264,250", html);                                                     // standard's parameters, from the layer table
        Assert.Contains("<span class=\"add\">+ input:</span>", html);                         // sumfirst's diff from standard
        Assert.Contains("<span class=\"del\">− input: []</span>", html);
        Assert.Contains("name: quickstart", html);                                            // the resolved spec
        Assert.Contains("artefacts/samples.json", html);                                      // the file manifest
        foreach (var name in FigureCatalog.Names) Assert.Contains($"id=\"figure-{name}\"", html);
    }

    [Fact]
    public void Markdown_links_figures_that_exist_and_has_the_same_tables()
    {
        string md = Markdown;
        var links = Regex.Matches(md, @"!\[[^\]]*\]\(([^)]+)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(FigureCatalog.Names.Count, links.Count);
        Assert.All(links, l => Assert.True(File.Exists(Path.Combine(Written.Value.Dir, l)), $"{l} does not exist"));
        Assert.Contains("| model | parameters |", md);
        Assert.Contains("> standard beats sumfirst", md);
        Assert.Contains("```diff\n- input: []\n+ input:\n+   - channel_sum\n", md);
        Assert.Contains("```yaml\nname: quickstart", md);
    }

    [Fact]
    public void A_variant_is_diffed_against_the_earlier_model_it_is_closest_to()
    {
        var load = Experiment.Parse("""
            name: lineage
            models:
              a: { layers: [conv2d: { out: 8 }, relu, flatten, linear: { out: 10 }] }
              b: { layers: [conv2d: { out: 4 }, relu, conv2d: { out: 4 }, relu, flatten, linear: { out: 10 }] }
              c: { extends: b, input: [channel_sum] }
            """);
        var plan = Experiment.Plan(load.Spec!).Plan!;
        var diffs = VariantDiff.All(plan).ToDictionary(d => d.Model, d => d.Base);
        Assert.Equal(new Dictionary<string, string> { ["b"] = "a", ["c"] = "b" }, diffs);
    }

    [Fact]
    public void Yaml_diff_lists_removals_before_additions_and_keeps_the_rest()
    {
        var diff = YamlDiff.Lines(["a: 1", "b: 2", "c: 3"], ["a: 1", "b: 5", "c: 3", "d: 4"]);
        Assert.Equal([" a: 1", "-b: 2", "+b: 5", " c: 3", "+d: 4"], diff.Select(d => $"{d.Kind}{d.Text}"));
    }

    [Fact]
    public async Task Report_command_on_a_missing_directory_exits_2_and_help_lists_it()
    {
        var (code, output) = await Cli("report", Path.Combine(Scratch.NewDir(), "nothing-here"));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("does not exist", output);
        var (helpCode, help) = await Cli("--help");
        Assert.Equal(0, helpCode);
        Assert.Contains("report <DIR>", help);
    }

    static async Task<(int Code, string Output)> Cli(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer), Interactive = InteractionSupport.No,
        });
        int code = await CliApp.RunAsync(args, console);
        return (code, Regex.Replace(writer.ToString(), @"\s+", " "));      // the console wraps long lines
    }
}
