using Cnnexp.Engine.Export;
using Cnnexp.Engine.Modules;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Tests.Training;

[Collection("training")]
public class ExportTests
{
    [Fact]
    public void Exported_state_dict_and_safetensors_round_trip_with_yaml_layer_names()
    {
        var plan = TinyRun.Plan(TinyRun.TwoModels.Replace("epochs: 3", "epochs: 1").Replace("seeds: [0, 1]", "seeds: [0]"));
        string dir = TinyRun.NewDir();
        TinyRun.Run(plan, dir);
        var model = plan.Model("rgb");
        var files = WeightsExporter.Export(model, dir, 0, best: false, Path.Combine(dir, "export"), WeightFormat.Both);
        Assert.Equal(2, files.Count);

        using var trained = ModelBuilder.Build(model);
        trained.load(Results.UnitPaths.For(dir, "rgb", 0).LastWeights);
        var expected = trained.state_dict();
        Assert.Equal(["conv1.weight", "conv1.bias", "linear1.weight", "linear1.bias"], expected.Keys);

        foreach (var file in files)
        {
            using var fresh = Cnnexp.Engine.Training.UnitRandom.Initialise(123, () => ModelBuilder.Build(model));   // different initial weights
            Assert.False(fresh.state_dict()["conv1.weight"].allclose(expected["conv1.weight"]));
            if (file.EndsWith(".pt", StringComparison.Ordinal)) fresh.load_py(file);
            else fresh.load_safetensors(file);
            foreach (var (name, tensor) in fresh.state_dict())
                Assert.True(tensor.allclose(expected[name], rtol: 0, atol: 0), $"{Path.GetFileName(file)}: {name} differs");
        }
    }
}
