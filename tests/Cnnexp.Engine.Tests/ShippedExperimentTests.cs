using Cnnexp.Engine.Modules;
using Cnnexp.Engine.Native;
using Cnnexp.Spec;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Planning;
using TorchSharp;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Tests;

/// <summary>
/// Every model of every spec in experiments/ builds as one module whose forward pass gives the
/// planned output and whose parameter count is the planned one, so no shipped study rots.
/// </summary>
public class ShippedExperimentTests
{
    /// <summary>Every shipped spec but those with `- script:` layers or transforms, whose shapes come from
    /// compiled scripts (built and run with their hooks in Cnnexp.Scripting.Tests).</summary>
    public static TheoryData<string> Experiments => new(Directory.GetFiles(RepoPath("experiments"), "*.yaml")
        .Where(f => !Cnnexp.Spec.Scripts.HookReference.Of(SpecLoader.LoadFile(f).Spec!).Any(r => r.Use != Cnnexp.Spec.Scripts.HookUse.Hooks))
        .Select(Path.GetFileName).Order()!);

    [Theory, MemberData(nameof(Experiments))]
    public void Every_model_builds_runs_and_counts_its_planned_parameters(string file)
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        var load = SpecLoader.LoadFile(RepoPath("experiments", file));
        Assert.True(load.Ok, load.FormatDiagnostics());
        var diagnostics = new DiagnosticBag();
        var plan = Planner.Plan(load.Spec!, diagnostics);
        Assert.True(plan is not null, DiagnosticFormatter.FormatAll(diagnostics.Items, load.Sources));
        foreach (var model in plan!.Models)
        {
            using var scope = NewDisposeScope();
            var module = ModelBuilder.Build(model);
            module.eval();
            var y = module.forward(rand(model.Input.WithBatch(2), generator: TestRandom.Generator));                 // (N, C, H, W) -> (N, classes)
            Assert.Equal(model.Output.WithBatch(2), y.shape);
            Assert.Equal(model.Parameters, module.parameters().Sum(p => p.numel()));
            module.Dispose();
        }
    }

    [Fact]
    public void A_layer_named_like_an_input_transform_does_not_clash()
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        var load = SpecLoader.LoadText("""
            name: t
            models:
              a:
                input: [normalize: { mean: [0.5], std: [0.5] }]
                layers: [conv2d: { name: normalize, out: 4 }, flatten, linear: { out: 10 }]
            """);
        var plan = Planner.Plan(load.Spec!, new DiagnosticBag())!;
        using var scope = NewDisposeScope();
        var module = ModelBuilder.Build(plan.Models[0]);
        Assert.Contains("normalize.weight", module.named_parameters().Select(p => p.name));
        Assert.Equal(new long[] { 3, 10 }, module.forward(rand(3, 3, 32, 32, generator: TestRandom.Generator)).shape);
    }

    [Fact]
    public void Built_models_with_every_transform_free_all_their_tensors_when_disposed()
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        var plan = Planner.Plan(SpecLoader.LoadText("""
            name: t
            models:
              a:
                input: [normalize: { mean: [0.5, 0.4, 0.3], std: [0.2] }, channel_permute: [2, 0, 1], channel_select: [0, 1, 2], grayscale]
                layers: [residual: [conv2d: { out: 4, stride: 2, padding: 1 }, batchnorm2d], flatten, linear: { out: 10 }]
            """).Spec!, new DiagnosticBag())!;
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        using (var scope = NewDisposeScope())
        {
            var module = ModelBuilder.Build(plan.Models[0]);
            Assert.Equal(new long[] { 2, 10 }, module.forward(rand(2, 3, 32, 32, generator: TestRandom.Generator)).shape);
            module.Dispose();
        }
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    internal static string RepoPath(params string[] parts) => Repo.Path(parts);
}
