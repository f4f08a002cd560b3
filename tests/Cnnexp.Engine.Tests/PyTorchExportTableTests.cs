using Cnnexp.Engine.Export;
using Cnnexp.Engine.Modules;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Transforms;

namespace Cnnexp.Engine.Tests;

/// <summary>The PyTorch exporter knows every kind the engine builds, and says plainly which it cannot write.</summary>
public class PyTorchExportTableTests
{
    [Fact]
    public void Every_built_kind_but_scripts_has_a_pytorch_row()
    {
        Assert.Equal(ModuleRegistry.LayerTypes.Where(t => t != typeof(ScriptLayer)).OrderBy(t => t.Name),
            PyTorchLayers.LayerTypes.OrderBy(t => t.Name));
        Assert.Equal(ModuleRegistry.TransformTypes.Where(t => t != typeof(ScriptTransform)).OrderBy(t => t.Name),
            PyTorchLayers.TransformTypes.OrderBy(t => t.Name));
    }

    [Fact]
    public void A_script_layer_is_refused_naming_the_layer_and_its_line()
    {
        var where = new Cnnexp.Spec.Diagnostics.SourceSpan("net.yaml", 7, 9);
        var image = Shape.Image(3, 32, 32);
        var layer = new PlannedLayer("script1", new ScriptLayer { Path = "hooks/mine.csx", Where = where }, image, image, 0, 0);
        var e = Assert.Throws<ExportException>(() => PyTorchLayers.Constructor(layer));
        Assert.Equal("net.yaml:7:9: script `script1` cannot be written as PyTorch code: it is a C# script, whose module only TorchSharp can run", e.Message);
    }

    [Theory]
    [InlineData("training")]
    [InlineData("forward")]
    [InlineData("_modules")]
    public void A_layer_named_like_an_nn_Module_member_is_refused_with_a_rename_hint(string name)
    {
        var load = Cnnexp.Spec.SpecLoader.LoadText($$"""
            name: t
            models:
              a:
                layers: [conv2d: { out: 4, name: {{name}} }, flatten, linear: { out: 10 }]
            """, "t.yaml");
        Assert.True(load.Ok, load.FormatDiagnostics());
        var plan = Planner.Plan(load.Spec!, new Cnnexp.Spec.Diagnostics.DiagnosticBag())!;
        var e = Assert.Throws<ExportException>(() => PyTorchSource.Write(plan.Models[0], plan));
        Assert.StartsWith("t.yaml:4:14: ", e.Message);
        Assert.Contains($"layer `{name}` cannot be written as PyTorch code", e.Message);
        Assert.Contains("give the layer another `name:`", e.Message);
    }
}
