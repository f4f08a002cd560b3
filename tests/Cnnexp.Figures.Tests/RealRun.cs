namespace Cnnexp.Figures.Tests;

/// <summary>
/// One real, tiny training run (two models, two seeds, two epochs on 300 synthetic images) through
/// the public facade, shared by the tests that need real weights, real figures and a real report.
/// </summary>
public sealed class RealRun
{
    public const string Spec = """
        name: realrun
        description: Standard RGB convolution vs. summing R+G+B first (tiny, for tests)
        seeds: [0, 1]
        data: { dataset: synthetic, batch_size: 50, limit: 300 }
        train: { epochs: 2, optimizer: { type: adam, lr: 0.002 } }
        models:
          standard:
            layers:
              - conv2d: { out: 8, kernel: 3, padding: 1 }
              - relu
              - conv2d: { out: 16, kernel: 3, padding: 1 }
              - relu
              - maxpool2d: { kernel: 2 }
              - flatten
              - linear: { out: 64 }
              - relu
              - linear: { out: 10 }
          sumfirst:
            extends: standard
            input: [channel_sum]
        """;

    public RealRun()
    {
        Dir = Path.Combine(Scratch.NewDir(), "run");
        var load = Experiment.Parse(Spec, "realrun.yaml");
        Assert.True(load.Ok, load.FormatDiagnostics());
        var plan = Experiment.Plan(load.Spec!, load.Sources);
        Assert.True(plan.Ok, plan.FormatDiagnostics());
        Result = Experiment.Run(plan.Plan!, new RunSettings { OutDir = Dir, Threads = 1 });
        Files = Directory.GetFiles(Path.Combine(Dir, "figures")).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
    }

    public string Dir { get; }
    public RunResult Result { get; }
    /// <summary>The figure files as the run wrote them, by file name.</summary>
    public IReadOnlyDictionary<string, byte[]> Files { get; }
}

[CollectionDefinition("real run")]
public sealed class RealRunCollection : ICollectionFixture<RealRun>;
