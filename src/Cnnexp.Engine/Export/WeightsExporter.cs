using Cnnexp.Engine.Modules;
using Cnnexp.Engine.Native;
using Cnnexp.Results;
using Cnnexp.Spec.Planning;
using TorchSharp.PyBridge;

namespace Cnnexp.Engine.Export;

/// <summary>Weight file formats PyTorch users can load.</summary>
[Flags]
public enum WeightFormat { PyTorch = 1, Safetensors = 2, Both = PyTorch | Safetensors }

/// <summary>
/// Writes a trained unit's weights as a PyTorch <c>state_dict</c> (<c>torch.load</c>) and as
/// safetensors, with the YAML's layer names as keys (<c>conv1.weight</c>, <c>linear2.bias</c>).
/// </summary>
public static class WeightsExporter
{
    public static IReadOnlyList<string> Export(ModelPlan model, string runDir, int seed, bool best, string outDir, WeightFormat formats)
    {
        NativeRuntime.EnsureLoaded();
        var unit = UnitPaths.For(runDir, model.Name, seed);
        string source = best ? unit.BestWeights : unit.LastWeights;
        if (!File.Exists(source))
            throw new FileNotFoundException($"{source} does not exist: {model.Name} seed {seed} has no finished epoch in {runDir}");
        using var module = ModelBuilder.Build(model);
        module.load(source);
        Directory.CreateDirectory(outDir);
        string stem = Path.Combine(outDir, $"{model.Name}-seed{seed}{(best ? "-best" : "")}");
        var written = new List<string>();
        if (formats.HasFlag(WeightFormat.PyTorch)) { module.save_py(stem + ".pt"); written.Add(stem + ".pt"); }
        if (formats.HasFlag(WeightFormat.Safetensors)) { module.save_safetensors(stem + ".safetensors"); written.Add(stem + ".safetensors"); }
        return written;
    }
}
