namespace Cnnexp.Results.Artefacts;

/// <summary>
/// artefacts/model-NN-NAME.json: what one trained model (its first seed) does to the sample
/// images, saved at the end of training so figures can be redrawn without TorchSharp.
/// </summary>
public sealed record ModelArtefacts
{
    public required string Model { get; init; }
    public required int Seed { get; init; }
    /// <summary>The model's input transforms, by kind, in order (empty: the raw image).</summary>
    public required IReadOnlyList<string> Transforms { get; init; }
    /// <summary>(S, C', H, W): the sample images after `data.normalize` (if any) and the input transforms, as the first layer sees them.</summary>
    public required TensorData Inputs { get; init; }
    /// <summary>The first convolution's kernels; null when the model has no conv2d layer.</summary>
    public ConvFilters? Filters { get; init; }
    /// <summary>One sample's output at each conv2d layer, in order.</summary>
    public IReadOnlyList<FeatureMaps> FeatureMaps { get; init; } = [];
    /// <summary>The per-input-channel decomposition of the first convolution; null when it sees one channel.</summary>
    public ChannelContributions? Contributions { get; init; }
}
