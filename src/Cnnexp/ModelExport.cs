using Cnnexp.Engine.Export;
using Cnnexp.Engine.Modules;
using Cnnexp.Engine.Native;
using Cnnexp.Engine.Training;
using Cnnexp.Results;
using Cnnexp.Spec.Planning;
using TorchSharp.Modules;

namespace Cnnexp;

/// <summary>
/// <see cref="Experiment.Export"/>: a run directory's trained weights, or a spec's initial weights
/// per seed (what training would start from), as PyTorch files.
/// </summary>
static class ModelExport
{
    public static ExportResult Run(string runOrSpec, ExportOptions options)
    {
        bool fromSpec = File.Exists(runOrSpec);
        var load = Experiment.Load(fromSpec ? runOrSpec : Path.Combine(runOrSpec, RunFiles.ResolvedSpec), options.Overrides);
        if (!load.Ok)
            return Failed(fromSpec ? load.FormatDiagnostics() : $"{runOrSpec} is not a readable run directory\n{load.FormatDiagnostics()}");
        var planned = Experiment.Plan(load.Spec!, load.Sources);
        if (!planned.Ok) return Failed(planned.FormatDiagnostics());
        var plan = planned.Plan!;
        var models = plan.Models.Where(m => options.Model is null || m.Name == options.Model).ToList();
        if (models.Count == 0)
            return Failed($"no model `{options.Model}` in {runOrSpec}; models: {string.Join(", ", plan.Models.Select(m => m.Name))}");
        string outDir = options.OutDir ?? (fromSpec ? Path.Combine("export", plan.Spec.Name) : Path.Combine(runOrSpec, "export"));
        var seeds = plan.Spec.RunSeeds.Where(s => options.Seed is null || s == options.Seed).ToList();
        try
        {
            var sources = options.Formats.HasFlag(ExportFormat.PyTorch)        // every model's source first: a script layer writes nothing
                ? models.ToDictionary(m => m.Name, m => PyTorchSource.Write(m, plan))
                : [];
            if (options.Formats.HasFlag(ExportFormat.Onnx))
                foreach (var model in models) OnnxExporter.Check(model);     // likewise for ONNX
            var files = new List<string>();
            foreach (var model in models)
            {
                var written = seeds.SelectMany(seed => fromSpec
                    ? WriteInitial(model, plan, seed, outDir, options.Formats)
                    : WriteTrained(model, plan, runOrSpec, seed, outDir, options)).ToList();
                if (written.Count > 0 && sources.TryGetValue(model.Name, out string? source))
                {
                    string file = Path.Combine(outDir, model.Name + ".py");
                    File.WriteAllText(file, source);
                    written.Add(file);
                }
                files.AddRange(written);
            }
            return files.Count > 0 ? new ExportResult(files)
                : Failed("nothing to export: no matching model and seed has a finished epoch");
        }
        catch (ExportException e) { return Failed(e.Message); }
    }

    static ExportResult Failed(string error) => new([], error);

    static WeightFormat Weights(ExportFormat f) =>
        (f.HasFlag(ExportFormat.StateDict) || f.HasFlag(ExportFormat.PyTorch) ? WeightFormat.PyTorch : 0)   // MODEL.py loads the .pt
        | (f.HasFlag(ExportFormat.Safetensors) ? WeightFormat.Safetensors : 0);

    static IReadOnlyList<string> WriteTrained(ModelPlan model, ExperimentPlan plan, string runDir, int seed, string outDir, ExportOptions options)
    {
        if (UnitPaths.For(runDir, model.Name, seed).ReadState() is not { EpochsDone: > 0 }) return [];
        using var module = WeightsExporter.Load(model, runDir, seed, options.Best);
        return Write(module, model, plan, Path.Combine(outDir, WeightsExporter.Stem(model.Name, seed, options.Best)), options.Formats);
    }

    /// <summary>The weights training with this seed starts from (the same draws as <see cref="Trainer"/>).</summary>
    static IReadOnlyList<string> WriteInitial(ModelPlan model, ExperimentPlan plan, int seed, string outDir, ExportFormat formats)
    {
        NativeRuntime.EnsureLoaded();
        using Sequential module = UnitRandom.Initialise(seed, () => ModelBuilder.Build(model));
        return Write(module, model, plan, Path.Combine(outDir, WeightsExporter.Stem(model.Name, seed, best: false)), formats);
    }

    static IReadOnlyList<string> Write(Sequential module, ModelPlan model, ExperimentPlan plan, string stem, ExportFormat formats)
    {
        var files = WeightsExporter.Write(module, stem, Weights(formats)).ToList();
        if (formats.HasFlag(ExportFormat.Onnx)) files.Add(OnnxExporter.Write(module, model, plan, stem + ".onnx"));
        return files;
    }
}
