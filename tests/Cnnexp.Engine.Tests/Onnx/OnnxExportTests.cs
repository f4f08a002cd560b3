using Cnnexp.Engine.Export;
using Cnnexp.Engine.Modules;
using Cnnexp.Engine.Native;
using Cnnexp.Engine.Tests.Parity;
using Cnnexp.Engine.Tests.Training;
using Cnnexp.Spec;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Transforms;
using Microsoft.ML.OnnxRuntime;
using Xunit.Abstractions;

namespace Cnnexp.Engine.Tests.Onnx;

/// <summary>
/// The ONNX export runs unchanged in ONNX Runtime: for every model of every shipped experiment and
/// for a model of every layer kind, the logits on 100 images equal TorchSharp's within 1e-4, and
/// Debian's onnx checker accepts the files. docs/onnx.md lists the measured differences.
/// </summary>
[Collection("training")]
public class OnnxExportTests(ITestOutputHelper output)
{
    public const double Tolerance = 1e-4;

    [Fact]
    public void Every_built_kind_has_an_onnx_row_but_script_transforms()
    {
        Assert.Equal(ModuleRegistry.LayerTypes.OrderBy(t => t.Name),                              // script layers: when their build supplies nodes
            OnnxExporter.LayerTypes.OrderBy(t => t.Name));
        Assert.Equal(ModuleRegistry.TransformTypes.Where(t => t != typeof(ScriptTransform)).OrderBy(t => t.Name),
            OnnxExporter.TransformTypes.OrderBy(t => t.Name));
    }

    [Fact]
    public void A_script_layer_is_refused_naming_the_layer_and_its_line()
    {
        var image = Shape.Image(3, 32, 32);
        var script = new PlannedLayer("opponent", new ScriptLayer { Path = "hooks/mine.csx", Where = new SourceSpan("net.yaml", 7, 9) }, image, image, 0, 0);
        var plain = TinyRun.Plan(TinyRun.TwoModels).Models[0];
        var model = plain with { Layers = [script, .. plain.Layers] };
        var e = Assert.Throws<ExportException>(() => OnnxExporter.Check(model));
        Assert.StartsWith("net.yaml:7:9: script `opponent` cannot be written as ONNX: it is a C# script whose build supplies no ONNX nodes", e.Message);
    }

    [Fact]
    public void Every_layer_kind_and_transform_matches_onnx_runtime_and_passes_the_checker()
    {
        var plan = TinyRun.Plan(PyTorchParityTests.EveryKind);
        var used = plan.Models.SelectMany(m => m.AllLayers.Select(l => l.Spec.GetType()).Concat(m.Transforms.Select(t => t.Spec.GetType()))).ToHashSet();
        Assert.Empty(OnnxExporter.LayerTypes.Concat(OnnxExporter.TransformTypes)     // script layers: OnnxHookedExperimentTests (they need compiled hooks)
            .Where(t => !used.Contains(t) && t != typeof(ScriptLayer)).Select(t => t.Name));
        CheckAll(plan, "kinds");
    }

    public static TheoryData<string> Experiments => ShippedExperimentTests.Experiments;

    [Theory, MemberData(nameof(Experiments))]
    public void Every_model_of_a_shipped_experiment_matches_onnx_runtime(string file)
    {
        var load = SpecLoader.LoadFile(ShippedExperimentTests.RepoPath("experiments", file));
        Assert.True(load.Ok, load.FormatDiagnostics());
        var diagnostics = new DiagnosticBag();
        var plan = Planner.Plan(load.Spec!, diagnostics);
        Assert.True(plan is not null, DiagnosticFormatter.FormatAll(diagnostics.Items, load.Sources));
        CheckAll(plan!, Path.GetFileNameWithoutExtension(file));
    }

    [Fact]
    public void The_metadata_names_the_classes_input_shape_and_normalisation()
    {
        var plan = TinyRun.Plan(PyTorchParityTests.EveryKind);
        string dir = TinyRun.NewDir();
        try
        {
            var outcome = OnnxCase.Run(plan, plan.Model("every_layer"), dir);
            using var session = new InferenceSession(outcome.File);
            var meta = session.ModelMetadata.CustomMetadataMap;
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(plan.Dataset.Classes), meta["classes"]);
            Assert.Equal("[\"N\",3,32,32]", meta["input_shape"]);
            Assert.Equal("[{\"mean\":[0.5,0.4],\"std\":[0.25,0.2]}]", meta["normalize"]);
            Assert.Equal("[\"channel_permute\",\"channel_select\",\"normalize\"]", meta["transforms"]);
            Assert.Equal(new[] { -1, 3, 32, 32 }, session.InputMetadata[OnnxExporter.InputName].Dimensions);
            Assert.Equal(new[] { -1, 10 }, session.OutputMetadata[OnnxExporter.OutputName].Dimensions);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void The_checker_refuses_a_file_that_is_not_onnx()
    {
        string file = Path.Combine(TinyRun.NewDir(), "broken.onnx");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        try
        {
            File.WriteAllBytes(file, [0x08, 0x08, 0x3a, 0xff, 0xff]);      // ir_version 8, then a graph field cut short
            Assert.NotEqual(0, OnnxChecker.Check([file]).ExitCode);
        }
        finally { Directory.Delete(Path.GetDirectoryName(file)!, recursive: true); }
    }

    /// <summary>Exports every model of <paramref name="plan"/>, compares logits, then checks every file with Debian's onnx.</summary>
    void CheckAll(ExperimentPlan plan, string name)
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        string dir = TinyRun.NewDir();
        try
        {
            var outcomes = plan.Models.Select(m => (m.Name, Outcome: OnnxCase.Run(plan, m, dir))).ToList();
            foreach (var (model, o) in outcomes)
                output.WriteLine($"onnx {name}/{model}: max |logit diff| {o.MaxAbsDiff:E2} (max |logit| {o.MaxAbsLogit:F2}) over {OnnxCase.Images} images");
            Assert.All(outcomes, m => Assert.True(m.Outcome.MaxAbsDiff <= Tolerance,
                $"{name}/{m.Name}: ONNX Runtime's logits differ from TorchSharp's by {m.Outcome.MaxAbsDiff:E2} > {Tolerance:E0}"));
            OnnxChecker.AssertValid(outcomes.Select(m => m.Outcome.File));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
