using Cnnexp.Engine.Export;
using Cnnexp.Engine.Native;
using Cnnexp.Engine.Tests.Onnx;
using Xunit.Abstractions;

namespace Cnnexp.Scripting.Tests;

/// <summary>
/// The shipped experiments with hooks, for the ONNX export (docs/onnx.md): each model without a
/// `- script:` entry, and each whose script layers supply their ONNX nodes (opponent_conv.csx), matches
/// ONNX Runtime within 1e-4 and passes Debian's checker; each model with a script input transform is
/// refused, naming the entry and its YAML line. (The others are in Cnnexp.Engine.Tests/Onnx.)
/// </summary>
public class OnnxHookedExperimentTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("gradnorm.yaml")]
    [InlineData("opponent.yaml")]
    public void Script_free_models_match_onnx_runtime_and_script_models_are_refused_at_their_line(string file)
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        var load = Experiment.Load(Repo.Path("experiments", file));
        Assert.True(load.Ok, load.FormatDiagnostics());
        var planned = Experiment.Plan(load.Spec!, load.Sources, new() { CacheDirectory = Workspace.SharedCache });
        Assert.True(planned.Ok, planned.FormatDiagnostics());
        var plan = planned.Plan!;
        using var ws = new Workspace();
        var exported = new List<string>();
        foreach (var model in plan.Models)
        {
            if (model.Transforms.Any(t => t.Spec is Spec.Transforms.ScriptTransform))
            {
                var e = Assert.Throws<ExportException>(() => OnnxExporter.Check(model));
                Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(file)}:\d+:\d+: .* cannot be written as ONNX: it is a C# script input transform", e.Message);
                output.WriteLine($"onnx {file}/{model.Name}: refused: {e.Message}");
                continue;
            }
            var o = OnnxCase.Run(plan, model, ws.Path(""));
            output.WriteLine($"onnx {file}/{model.Name}: max |logit diff| {o.MaxAbsDiff:E2} (max |logit| {o.MaxAbsLogit:F2}) over {OnnxCase.Images} images");
            Assert.True(o.MaxAbsDiff <= 1e-4, $"{file}/{model.Name}: ONNX Runtime's logits differ from TorchSharp's by {o.MaxAbsDiff:E2}");
            exported.Add(o.File);
        }
        Assert.NotEmpty(exported);
        if (file == "gradnorm.yaml") Assert.Contains(exported, f => Path.GetFileName(f).StartsWith("opponent_layer", StringComparison.Ordinal));   // a script layer with its own nodes
        OnnxChecker.AssertValid(exported);
    }
}

/// <summary>What a script layer's own ONNX nodes may get wrong, each an <see cref="ExportException"/> naming the layer's line.</summary>
public class OnnxScriptNodeTests
{
    [Theory]
    [InlineData("(g, x) => g.Node(\"Conv\", [x, g.Weight(\"weigth\")])", "asks for weight `weigth`, which its module does not have")]
    [InlineData("(g, x) => g.Node(\"Conv\", [x, g.Weight(\"weight\")], new OnnxAttribute(\"group\", DateTime.Now))", "ONNX attribute `group` is a DateTime")]
    [InlineData("(g, x) => throw new InvalidOperationException(\"not yet\")", "failed writing its ONNX nodes: InvalidOperationException: not yet")]
    [InlineData("(g, x) => \"\"", "return no output name")]
    public void A_broken_node_writer_stops_the_export_at_the_layers_line(string onnx, string message)
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        using var ws = new Workspace()
            .Write("hooks/conv.csx", $$"""
                Layer(ctx => new LayerBuild(nn.Conv2d(ctx.Input.C, 3, 1, bias: false), ctx.Input) { Onnx = {{onnx}} });
                """)
            .Write("net.yaml", """
                name: net
                data: { dataset: synthetic, batch_size: 8, limit: 16 }
                models:
                  m:
                    layers: [script: { path: hooks/conv.csx }, flatten, linear: { out: 10 }]
                """);
        var load = ws.Load("net.yaml");
        var planned = Experiment.Plan(load.Spec!, load.Sources, new() { CacheDirectory = Workspace.SharedCache });
        Assert.True(planned.Ok, planned.FormatDiagnostics());
        var model = planned.Plan!.Models[0];
        OnnxExporter.Check(model);                                              // the script says it writes nodes
        using var module = Engine.Modules.ModelBuilder.Build(model);
        var e = Assert.Throws<ExportException>(() => OnnxExporter.Write(module, model, planned.Plan, ws.Path("m.onnx")));
        Assert.Matches(@"net\.yaml:5:\d+: ", e.Message);
        Assert.Contains(message, e.Message);
        Assert.False(File.Exists(ws.Path("m.onnx")));
    }
}
