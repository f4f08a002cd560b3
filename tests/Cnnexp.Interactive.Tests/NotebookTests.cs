using Xunit.Abstractions;

namespace Cnnexp.Interactive.Tests;

/// <summary>
/// The example notebooks, executed headless by a real notebook runner (Jupyter's nbconvert with the .NET Interactive
/// kernels) against packages packed from this tree: every cell runs without error, and the outputs hold what the
/// story shows — the layer tables as HTML, live progress, the figures inline, the verdict.
/// </summary>
public sealed class NotebookTests(NotebookRunner runner, ITestOutputHelper output) : IClassFixture<NotebookRunner>
{
    [Theory]
    [InlineData("sumfirst.ipynb")]
    [InlineData("sumfirst-csharp.ipynb")]
    public void The_notebook_runs_every_cell_and_shows_the_layer_table_the_figures_and_the_verdict(string name)
    {
        var notebook = runner.Execute(name);
        output.WriteLine($"{name}: executed in {notebook.Elapsed.TotalSeconds:0.0} s");

        Assert.True(notebook.Errors.Count == 0, "cells failed:\n" + string.Join("\n", notebook.Errors));
        Assert.All(notebook.Cells.Where(c => c["cell_type"]!.GetValue<string>() == "code"),
            c => Assert.NotNull(c["execution_count"]?.GetValue<int?>()));

        var html = notebook.Html;
        var plan = Assert.Single(html, h => h.Contains("<table class=\"cnnexp-layers\">", StringComparison.Ordinal));
        Assert.Contains("conv1 | conv2d | out: 8, kernel: 3, padding: 1 | 3×32×32 | 8×32×32 | 224 | 221,184", Rendered.Rows(plan, "cnnexp-layers", 0));
        Assert.Contains("conv1 | conv2d | out: 8, kernel: 3, padding: 1 | 1×32×32 | 8×32×32 | 80 | 73,728", Rendered.Rows(plan, "cnnexp-layers", 1));

        // The progress display was updated in place until the run ended: nbconvert applies an update to the output
        // whose display id it names, so the notebook holds the last state, not the first.
        var progress = Assert.Single(html, h => h.StartsWith("<div class=\"cnnexp cnnexp-progress\">", StringComparison.Ordinal));
        Assert.Contains("<b>sumfirst</b>: trained; 6 of 6 units done", progress);
        Assert.Contains("aria-valuenow=\"100\"", progress);
        Assert.Equal(7, Rendered.Rows(progress, "cnnexp-progress").Count);            // the header, then 2 models x 3 seeds
        foreach (var figure in new[] { "channel_contributions", "curves", "accuracy", "transforms" })
            Assert.Contains(html, h => h.StartsWith("<div class=\"cnnexp cnnexp-figure\">", StringComparison.Ordinal)
                                       && h.Contains($"<figure id=\"figure-{figure}\">", StringComparison.Ordinal));
        Assert.True(notebook.InlineImages >= 3, $"{notebook.InlineImages} inline images");

        var run = System.Net.WebUtility.HtmlDecode(Assert.Single(html, h => h.StartsWith("<div class=\"cnnexp cnnexp-run\">", StringComparison.Ordinal)));
        Assert.Contains("<table class=\"cnnexp-results\">", run);
        Assert.Contains("<th>95% CI</th>", run);
        Assert.Matches(@"<p class=""verdict"">[^<]*standard[^<]*sumfirst[^<]*(a real difference|within seed noise)", run);
        Assert.Matches(@"standard.*sumfirst.*(a real difference|within seed noise)", notebook.Printed);     // the verdict cell
    }
}
