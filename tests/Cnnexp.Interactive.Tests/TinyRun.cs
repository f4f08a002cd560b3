using Cnnexp.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace Cnnexp.Interactive.Tests;

/// <summary>
/// One real, tiny run (two models, two seeds, two epochs on 300 synthetic images) through the facade, with a
/// <see cref="LiveRun"/> as its progress sink, and every display the run published, as a notebook kernel would see them.
/// </summary>
public sealed class TinyRun : IDisposable
{
    public const string Yaml = """
        name: tiny
        seeds: [0, 1]
        data: { dataset: synthetic, batch_size: 50, limit: 300 }
        train: { epochs: 2, optimizer: { type: adam, lr: 0.002 } }
        models:
          standard:
            layers: [conv2d: { out: 8, kernel: 3, padding: 1 }, relu, maxpool2d: { kernel: 2 }, flatten, linear: { out: 10 }]
          sumfirst:
            extends: standard
            input: [channel_sum]
        """;

    readonly IDisposable subscription;

    public TinyRun()
    {
        Formatters.Register();
        subscription = Formatter.SubscribeToDisplayedValues(d =>
        {
            lock (Displays) Displays.Add((d.Value, d.IsUpdated, d.FormattedValues.Single(v => v.MimeType == "text/html").Value));
        });
        Dir = Path.Combine(Scratch.NewDir(), "run");
        var load = Experiment.Parse(Yaml, "tiny.yaml");
        Assert.True(load.Ok, load.FormatDiagnostics());
        using (Live = LiveRun.Show(load.Spec!))
            Result = Experiment.RunAsync(load.Spec!, new RunSettings { OutDir = Dir, Threads = 1, Jobs = 1 }, Live).GetAwaiter().GetResult();
        Assert.True(Result.Ok, string.Join("\n", Result.Failures) + Result.FormatDiagnostics());
    }

    public string Dir { get; }
    public RunResult Result { get; }
    public LiveRun Live { get; }

    /// <summary>Every display and update published while the run trained: (value, is it an update, its HTML).</summary>
    public List<(object Value, bool Update, string Html)> Displays { get; } = [];

    public void Dispose() => subscription.Dispose();
}

[CollectionDefinition("tiny run")]
public sealed class TinyRunCollection : ICollectionFixture<TinyRun>;
