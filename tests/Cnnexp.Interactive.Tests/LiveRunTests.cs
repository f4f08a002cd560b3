using System.Globalization;
using Cnnexp.FSharp;
using Cnnexp.Interactive;

namespace Cnnexp.Interactive.Tests;

/// <summary>Live progress: shown once, then updated in place (the same displayed value) as batches and epochs finish.</summary>
[Collection("tiny run")]
public sealed class LiveRunTests(TinyRun tiny)
{
    List<(object Value, bool Update, string Html)> Mine()
    {
        lock (tiny.Displays) return tiny.Displays.Where(d => ReferenceEquals(d.Value, tiny.Live)).ToList();
    }

    [Fact]
    public void The_progress_is_displayed_once_and_then_only_updated()
    {
        var mine = Mine();
        Assert.False(mine[0].Update);
        Assert.Contains("0%", mine[0].Html);
        Assert.All(mine.Skip(1), d => Assert.True(d.Update));
        // Two units × two epochs: at least one repaint per finished epoch, and a last one when disposed.
        Assert.True(mine.Count >= 1 + 8 + 1, $"{mine.Count} displays");
    }

    [Fact]
    public void The_last_update_shows_every_unit_done_with_its_last_epochs_test_accuracy()
    {
        string last = Mine()[^1].Html;
        Assert.Contains("aria-valuenow=\"100\"", last);
        Assert.Contains("4 of 4 units done", last);
        Assert.Contains("trained", last);
        var rows = Rendered.Rows(last, "cnnexp-progress");
        foreach (var m in tiny.Result.Metrics.Where(m => m.Epoch == 2))
        {
            string accuracy = (100 * m.TestAccuracy).ToString("0.00", CultureInfo.InvariantCulture) + "%";
            Assert.Contains(rows, r => r.StartsWith($"{m.Model} | {m.Seed} | 2/2 | – | ", StringComparison.Ordinal) && r.Contains($" | {accuracy} | ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void An_update_during_training_shows_the_running_batch()
    {
        var during = Mine().Select(d => d.Html).Where(h => h.Contains("<table class=\"cnnexp-progress\">", StringComparison.Ordinal)).ToList();
        Assert.Contains(during, h => Rendered.Rows(h, "cnnexp-progress").Any(r => System.Text.RegularExpressions.Regex.IsMatch(r, @"^\w+ \| \d \| [12]/2 \| \d/6 \| ")));
    }

    [Fact]
    public void The_FSharp_progress_cases_update_the_same_table()
    {
        var load = Experiment.Parse(TinyRun.Yaml, "tiny.yaml");
        using var live = LiveRun.Show(load.Spec!);
        live.Report(Progress.NewBatch(new BatchReport("standard", 1, 1, 3, 2, 6, 2.25, 1000)));
        Assert.Contains("standard | 1 | 1/3 | 2/6 | 2.2500 | – | 1,000", Rendered.Rows(live.Html(), "cnnexp-progress"));
        var row = new EpochRow("standard", 1, 1, 2.0, 0.25, 2.1, 0.375, null, null, 0.002, 1.5, 1200,
            Microsoft.FSharp.Collections.MapModule.Empty<string, double>());
        live.Report(Progress.NewEpoch(row));
        live.Report(Progress.NewMessage("standard seed 1: epoch 1 saved"));
        string html = live.Html();
        Assert.Contains("standard | 1 | 1/3 | – | 2.0000 | 37.50% | 1,200", Rendered.Rows(html, "cnnexp-progress"));
        Assert.Contains("<code>standard seed 1: epoch 1 saved</code>", html);
        Assert.Contains("0 of 4 units done", html);
        Assert.Contains("aria-valuenow=\"8\"", html);                      // 1 of 3 epochs of 1 of 4 units: 8%
    }
}
