using System.Globalization;
using System.Text.RegularExpressions;
using Cnnexp.Figures.Report;
using FsExperiment = Cnnexp.FSharp.Experiment;

namespace Cnnexp.Interactive.Tests;

/// <summary>A finished run in a notebook cell: the results table with intervals, the verdicts, the figures inline.</summary>
[Collection("tiny run")]
public sealed class RunViewTests(TinyRun tiny)
{
    [Fact]
    public void A_finished_run_shows_each_models_accuracy_with_its_interval_and_the_comparison_with_its_verdict()
    {
        string html = Rendered.Html(tiny.Result);
        var results = Rendered.Rows(html, "cnnexp-results");
        Assert.Equal(string.Join(" | ", StatisticsRows.Headers), results[0]);
        foreach (var model in tiny.Result.Summary!.Models)
        {
            var row = Assert.Single(results, r => r.StartsWith(model.Name + " | ", StringComparison.Ordinal));
            string mean = (100 * model.TestAccuracy!.Mean).ToString("0.00", CultureInfo.InvariantCulture) + "%";
            Assert.Matches($@"^{model.Name} \| [\d,]+ \| [\d,]+ \| 2 \| {Regex.Escape(mean)} \| [\d.]+ pts \| \[-?[\d.]+%, [\d.]+%\] \| [\d.]+$", row);
        }
        var comparison = Assert.Single(tiny.Result.Summary.Comparisons);
        Assert.Contains($"<p class=\"verdict\">{System.Net.WebUtility.HtmlEncode(comparison.Verdict)}</p>", html);
        var compared = Rendered.Rows(html, "cnnexp-comparisons");
        Assert.Matches(@"^standard − sumfirst \| 2 \| [+−][\d.]+ pts \| \[[+−][\d.]+ pts, [+−][\d.]+ pts\] \| [\d.<> ]+$", compared[1]);
    }

    [Fact]
    public void A_finished_run_shows_every_figure_it_drew_inline_as_a_PNG()
    {
        string html = Rendered.Html(tiny.Result);
        var drawn = tiny.Result.Figures.Where(f => f.EndsWith(".png", StringComparison.Ordinal)).ToList();
        Assert.True(drawn.Count >= 5, $"the run drew {drawn.Count} figures");
        var pngs = Rendered.Pngs(html);
        Assert.Equal(drawn.Select(File.ReadAllBytes), pngs);                       // the files themselves, in the run's order
        Assert.Contains("<figcaption><b>Loss and accuracy per epoch.</b>", html);
        Assert.Contains("id=\"figure-channel_contributions\"", html);
    }

    [Fact]
    public void The_same_run_read_back_from_its_directory_or_through_FSharp_shows_the_same()
    {
        string expected = Rendered.Html(tiny.Result);
        Assert.Equal(expected, Rendered.Html(Experiment.ReadResults(tiny.Dir)));
        Assert.Equal(expected, Rendered.Html(FsExperiment.read(tiny.Dir)));
    }

    [Fact]
    public void Figure_Show_draws_one_figure_of_the_run_with_its_title_and_caption()
    {
        string html = Rendered.Html(Figure.Show(tiny.Result, "curves"));
        var png = Assert.Single(Rendered.Pngs(html));
        Assert.True(Rendered.IsPng(png));
        Assert.Equal(File.ReadAllBytes(Path.Combine(tiny.Dir, "figures", "curves.png")), png);
        Assert.Contains("<b>Loss and accuracy per epoch.</b> Loss (left) and accuracy (right) per epoch.", html);
        Assert.Equal(html, Rendered.Html(Figure.Show(FsExperiment.read(tiny.Dir), "curves")));

        var unknown = Assert.Throws<ArgumentException>(() => Figure.Show(tiny.Dir, "curvs"));
        Assert.Contains("unknown figure(s): curvs; known: samples, transforms, shapes, channel_contributions", unknown.Message);
    }

    [Fact]
    public void Figure_Show_says_why_a_figure_cannot_be_drawn_from_a_run()
    {
        string copy = Path.Combine(Scratch.NewDir(), "run");
        foreach (var file in Directory.GetFiles(tiny.Dir, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(copy, Path.GetRelativePath(tiny.Dir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.Delete(Path.Combine(copy, "artefacts", "samples.json"));
        var e = Assert.Throws<InvalidOperationException>(() => Figure.Show(copy, "channel_contributions"));
        Assert.Equal($"figure `channel_contributions` cannot be drawn from {copy}: the run directory has no artefacts/samples.json", e.Message);
    }

    [Fact]
    public async Task A_refused_run_shows_why_and_trains_nothing()
    {
        var load = Experiment.Parse("name: t\ndata: { dataset: synthetic }\nmodels: { a: { layers: [flatten, linear: { out: 7 }] } }\n", "seven.yaml");
        var refused = await Experiment.RunAsync(load.Spec!, new RunSettings { OutDir = Path.Combine(Scratch.NewDir(), "run") });
        Assert.Null(refused.Summary);
        string html = Rendered.Html(refused);
        Assert.Contains("seven.yaml:3:34: error: model `a` ends with shape 7, but synthetic has 10 classes", html);
        Assert.DoesNotContain("cnnexp-results", html);
    }
}
