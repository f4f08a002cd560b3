using Cnnexp.Engine.Data;
using Cnnexp.Engine.Modules;
using Cnnexp.Results;
using Cnnexp.Results.Artefacts;
using Cnnexp.Spec.Planning;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Artefacts;

/// <summary>
/// Saves what the image figures need from a finished unit (model × seed) into the run directory,
/// so figures can be redrawn from it alone, without TorchSharp: the sample images, the model's
/// transformed inputs, first-layer kernels, feature maps and the channel decomposition of its first
/// convolution (first seed), and the decomposition's measured max |difference| (every seed, in the
/// unit's checks.json; the merge puts the max over seeds into summary.json).
/// Works from the unit's last checkpoint, on the CPU, so it runs the same wherever the unit trained.
/// </summary>
public static class ArtefactRecorder
{
    /// <summary>Feature maps kept per layer, and filters decomposed: enough to see, small to store.</summary>
    const int MaxMaps = 16, MaxFilters = 8;

    /// <summary>Records a unit once it is finished; does nothing for unfinished units or when already recorded.</summary>
    /// <param name="channelsLast">The run's layout (see ModelBuilder.Build); null: the default.</param>
    /// <param name="detail">Receives an unexpected failure's full exception (run.log only); <paramref name="log"/> gets one line.</param>
    public static void Record(ExperimentPlan plan, ModelPlan model, int seed, LoadedDataset data, string runDir, Action<string>? log = null,
        bool? channelsLast = null, Action<string>? detail = null)
    {
        var unit = UnitPaths.For(runDir, model.Name, seed);
        bool first = seed == plan.Spec.RunSeeds[0];
        string modelFile = ArtefactFiles.ModelPath(runDir, IndexOf(plan, model), model.Name);
        if (unit.ReadState() is not { Finished: true } || !File.Exists(unit.LastWeights)) return;
        if (File.Exists(ArtefactFiles.ChecksPath(unit.Dir)) && (!first || File.Exists(modelFile))) return;   // a resumed run
        try
        {
            Write(plan, model, seed, data, runDir, unit, first ? modelFile : null, log, channelsLast);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            detail?.Invoke($"{model.Name} seed {seed}: figure artefacts not saved:\n{e}");
            log?.Invoke($"{model.Name} seed {seed}: figure artefacts not saved: {e.GetType().Name}: {e.Message}{(detail is null ? "" : " (stack trace in run.log)")}");
        }
    }

    static void Write(ExperimentPlan plan, ModelPlan model, int seed, LoadedDataset data, string runDir, UnitPaths unit,
        string? modelFile, Action<string>? log, bool? channelsLast)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var trained = ModelBuilder.Build(model, channelsLast);
        trained.load(unit.LastWeights);
        trained.eval();
        var samples = SampleSelection.FirstOfEachClass(data.Test, data.Info.ClassCount);
        var batch = Batches.Of(data.Test, samples.ToArray(), samples.Count).First();      // (S, C, H, W) as the model sees them (normalised if asked)
        if (!File.Exists(ArtefactFiles.SamplesPath(runDir)))
        {
            using var raw = data.Test.WithNormalization(null);                                // the samples figure shows pixels in [0, 1]
            WriteSamples(runDir, data, samples, Batches.Of(raw, samples.ToArray(), samples.Count).First());
        }
        var probe = ModelProbe.Run(trained, model, batch.Images);
        var first = probe.Convs.FirstOrDefault();
        using var decomposition = first is { Module.in_channels: > 1, Module.groups: 1 } ? ChannelDecomposition.Compute(first.Module, first.Input) : null;
        var checks = new Dictionary<string, double>();
        if (decomposition is not null && double.IsFinite(decomposition.MaxAbsDifference))
            checks[$"channel_contributions.{model.Name}.{first!.Name}.max_abs_difference"] = decomposition.MaxAbsDifference;
        else if (decomposition is not null)
            log?.Invoke($"{model.Name} seed {seed}: channel decomposition is {decomposition.MaxAbsDifference} (weights not finite?)");
        if (modelFile is not null)
            RunFiles.WriteJson(modelFile, Artefacts(model, seed, probe, decomposition));
        ArtefactFiles.WriteChecks(unit.Dir, checks);
    }

    /// <summary>The images as stored, scaled to [0, 1] (before any `data.normalize`, which the model inputs include).</summary>
    static void WriteSamples(string runDir, LoadedDataset data, IReadOnlyList<long> chosen, Batch batch)
    {
        using var index = tensor(chosen.ToArray());
        using var pixels = data.Test.Images.index_select(0, index).to_type(ScalarType.Float32).div_(255f);   // (S, C, H, W)
        ArtefactFiles.WriteSamples(runDir, new SampleImages
        {
            Split = "test", Indices = chosen.Select(i => (int)i).ToList(),
            Labels = batch.Labels.data<long>().Select(l => (int)l).ToList(),
            Classes = data.Info.Classes, Pixels = TensorExport.ToData(pixels),
        });
    }

    static ModelArtefacts Artefacts(ModelPlan model, int seed, ModelProbe probe, ChannelDecomposition? decomposition)
    {
        var first = probe.Convs.FirstOrDefault();
        return new ModelArtefacts
        {
            Model = model.Name, Seed = seed,
            Transforms = model.Transforms.Select(t => t.Spec.Kind).ToList(),
            Inputs = TensorExport.ToData(probe.Inputs),
            Filters = first is null ? null : Filters(first),
            FeatureMaps = probe.Convs.Select(c => new FeatureMaps
            {
                Layer = c.Name, Sample = 0, Channels = (int)c.Output.shape[1],
                Maps = TensorExport.ToData(c.Output[0].narrow(0, 0, Math.Min(MaxMaps, c.Output.shape[1]))),  // (K, H, W)
            }).ToList(),
            Contributions = first is null || decomposition is null ? null : Contributions(first, decomposition),
        };
    }

    static ConvFilters Filters(ModelProbe.Conv conv) => new()
    {
        Layer = conv.Name, Weight = TensorExport.ToData(conv.Module.weight!),
        Bias = conv.Module.bias is null ? [] : TensorExport.ToData(conv.Module.bias).Values,
    };

    static ChannelContributions Contributions(ModelProbe.Conv conv, ChannelDecomposition d)
    {
        const int sample = 0;
        int filters = (int)Math.Min(MaxFilters, d.Output.shape[1]);
        return new ChannelContributions
        {
            Layer = conv.Name, Sample = sample, Input = TensorExport.ToData(conv.Input[sample]),
            MaxAbsDifference = d.MaxAbsDifference, OutputChannels = (int)d.Output.shape[1],
            Filters = Enumerable.Range(0, filters).Select(f => new FilterContribution
            {
                Filter = f,
                Channels = TensorExport.ToData(d.Contributions[.., sample, f]),             // (C, H', W')
                Bias = d.Bias[f].item<float>(),
                Sum = TensorExport.ToData(d.Sum[sample, f]),                                // (H', W')
                Output = TensorExport.ToData(d.Output[sample, f]),
                MaxAbsDifference = (d.Sum[sample, f] - d.Output[sample, f]).abs().max().item<float>(),
            }).ToList(),
        };
    }

    static int IndexOf(ExperimentPlan plan, ModelPlan model) => plan.Models.ToList().FindIndex(m => m.Name == model.Name);
}
