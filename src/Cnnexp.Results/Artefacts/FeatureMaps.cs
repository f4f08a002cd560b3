namespace Cnnexp.Results.Artefacts;

/// <summary>One sample image's output at one conv2d layer (before the activation that follows it).</summary>
public sealed record FeatureMaps
{
    public required string Layer { get; init; }
    /// <summary>Index into <see cref="SampleImages"/>.</summary>
    public required int Sample { get; init; }
    /// <summary>Output channels of the layer; <see cref="Maps"/> may hold only the first few.</summary>
    public required int Channels { get; init; }
    /// <summary>(K, H, W): the first K output channels.</summary>
    public required TensorData Maps { get; init; }
}
