namespace Cnnexp.Results.Artefacts;

/// <summary>The learned kernels of one conv2d layer.</summary>
public sealed record ConvFilters
{
    public required string Layer { get; init; }
    /// <summary>(O, C, kH, kW): one kernel per output filter and input channel.</summary>
    public required TensorData Weight { get; init; }
    /// <summary>One bias per output filter; empty when the layer has none.</summary>
    public IReadOnlyList<float> Bias { get; init; } = [];
}
