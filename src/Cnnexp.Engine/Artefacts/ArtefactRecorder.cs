using Cnnexp.Engine.Data;
using Cnnexp.Results.Artefacts;
using Cnnexp.Spec.Planning;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Artefacts;

/// <summary>
/// Saves what the image figures need from each trained model into DIR/artefacts, so figures can
/// be redrawn from the run directory alone: the sample images, each model's transformed inputs,
/// first-layer kernels, feature maps and the channel decomposition of its first convolution.
/// Tensors are saved for the first seed; the decomposition is checked on every seed.
/// </summary>
public sealed class ArtefactRecorder(ExperimentPlan plan, LoadedDataset data, string outDir)
{
    /// <summary>Feature maps kept per layer, and filters decomposed: enough to see, small to store.</summary>
    const int MaxMaps = 16, MaxFilters = 8;

    readonly Dictionary<string, double> checks = new();
    IReadOnlyList<long>? samples;

    /// <summary>Measured checks for summary.json, e.g. <c>channel_contributions.standard.conv1.max_abs_difference</c>.</summary>
    public IReadOnlyDictionary<string, double> Checks => checks;

    /// <summary>Call once per model and seed with the trained model, before it is disposed.</summary>
    public void Record(ModelPlan model, int seed, Sequential trained)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        trained.eval();
        samples ??= WriteSamples();
        var batch = Batches.Of(data.Test, samples.ToArray(), samples.Count).First();   // (S, C, H, W) in [0, 1]
        var probe = ModelProbe.Run(trained, model, batch.Images);
        var firstConv = probe.Convs.FirstOrDefault();
        ChannelDecomposition? decomposition = null;
        if (firstConv is not null && firstConv.Module.in_channels > 1 && firstConv.Module.groups == 1)
        {
            decomposition = ChannelDecomposition.Compute(firstConv.Module, firstConv.Input);
            string key = $"channel_contributions.{model.Name}.{firstConv.Name}.max_abs_difference";
            checks[key] = Math.Max(checks.GetValueOrDefault(key), decomposition.MaxAbsDifference);
        }
        if (seed == plan.Spec.Seeds[0])
            ArtefactFiles.WriteModel(outDir, IndexOf(model), Artefacts(model, seed, probe, decomposition));
        decomposition?.Dispose();
    }

    IReadOnlyList<long> WriteSamples()
    {
        var chosen = SampleSelection.FirstOfEachClass(data.Test, data.Info.ClassCount);
        var batch = Batches.Of(data.Test, chosen.ToArray(), chosen.Count).First();
        ArtefactFiles.WriteSamples(outDir, new SampleImages
        {
            Split = "test", Indices = chosen.Select(i => (int)i).ToList(),
            Labels = batch.Labels.data<long>().Select(l => (int)l).ToList(),
            Classes = data.Info.Classes, Pixels = TensorExport.ToData(batch.Images),
        });
        return chosen;
    }

    static ModelArtefacts Artefacts(ModelPlan model, int seed, ModelProbe probe, ChannelDecomposition? decomposition)
    {
        var first = probe.Convs.FirstOrDefault();
        return new ModelArtefacts
        {
            Model = model.Name, Seed = seed,
            Transforms = model.Transforms.Select(t => t.Spec.Kind).ToList(),
            Inputs = TensorExport.ToData(probe.Inputs),
            Filters = first is null ? null : new ConvFilters
            {
                Layer = first.Name, Weight = TensorExport.ToData(first.Module.weight!),
                Bias = first.Module.bias is null ? [] : TensorExport.ToData(first.Module.bias).Values,
            },
            FeatureMaps = probe.Convs.Select(c => new FeatureMaps
            {
                Layer = c.Name, Sample = 0, Channels = (int)c.Output.shape[1],
                Maps = TensorExport.ToData(c.Output[0].narrow(0, 0, Math.Min(MaxMaps, c.Output.shape[1]))),  // (K, H, W)
            }).ToList(),
            Contributions = first is null || decomposition is null ? null : Contributions(first, decomposition),
        };
    }

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

    int IndexOf(ModelPlan model) => plan.Models.ToList().FindIndex(m => m.Name == model.Name);
}
