using Cnnexp.Engine.Modules;
using Cnnexp.Engine.Native;
using Cnnexp.Results;
using Cnnexp.Spec.Planning;
using TorchSharp.Modules;
using TorchSharp.PyBridge;

namespace Cnnexp.Engine.Export;

/// <summary>What `cnnexp export` writes.</summary>
[Flags]
public enum WeightFormat
{
    /// <summary>A PyTorch state_dict, <c>torch.load</c>-able (<c>.pt</c>).</summary>
    PyTorch = 1,
    Safetensors = 2,
    Both = PyTorch | Safetensors,
    /// <summary>The model as PyTorch source (<c>MODEL.py</c>, <see cref="PyTorchSource"/>) that loads the <c>.pt</c> files.</summary>
    PyTorchCode = 4,
}

/// <summary>
/// Writes a trained unit's weights as a PyTorch <c>state_dict</c> (<c>torch.load</c>) and as
/// safetensors, with the YAML's layer names as keys (<c>conv1.weight</c>, <c>linear2.bias</c>).
/// </summary>
public static class WeightsExporter
{
    public static IReadOnlyList<string> Export(ModelPlan model, string runDir, int seed, bool best, string outDir, WeightFormat formats)
    {
        using var module = Load(model, runDir, seed, best);
        return Write(module, Path.Combine(outDir, Stem(model.Name, seed, best)), formats);
    }

    /// <summary>The model of a run's unit with its last (or best) epoch's weights.</summary>
    public static Sequential Load(ModelPlan model, string runDir, int seed, bool best)
    {
        NativeRuntime.EnsureLoaded();
        var unit = UnitPaths.For(runDir, model.Name, seed);
        string source = best ? unit.BestWeights : unit.LastWeights;
        if (!File.Exists(source))
            throw new FileNotFoundException($"{source} does not exist: {model.Name} seed {seed} has no finished epoch in {runDir}");
        var module = ModelBuilder.Build(model);
        try { module.load(source); }
        catch { module.Dispose(); throw; }
        return module;
    }

    /// <summary><c>MODEL-seedS</c>, or <c>MODEL-seedS-best</c> for the best epoch's weights.</summary>
    public static string Stem(string model, int seed, bool best) => $"{model}-seed{seed}{(best ? "-best" : "")}";

    /// <summary>Writes <paramref name="module"/>'s weights as <paramref name="stem"/>.pt and/or .safetensors.</summary>
    public static IReadOnlyList<string> Write(Sequential module, string stem, WeightFormat formats)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(stem))!);
        var written = new List<string>();
        if (formats.HasFlag(WeightFormat.PyTorch)) { module.save_py(stem + ".pt"); written.Add(stem + ".pt"); }
        if (formats.HasFlag(WeightFormat.Safetensors)) { module.save_safetensors(stem + ".safetensors"); written.Add(stem + ".safetensors"); }
        return written;
    }
}
