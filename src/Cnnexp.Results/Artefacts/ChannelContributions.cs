namespace Cnnexp.Results.Artefacts;

/// <summary>
/// The notebook's check, made visible: a conv2d output channel is the sum over input channels of
/// each channel convolved with its own kernel slice, plus the bias. Computed with TorchSharp on the
/// trained weights and compared with the layer's own output.
/// </summary>
public sealed record ChannelContributions
{
    public required string Layer { get; init; }
    /// <summary>Index into <see cref="SampleImages"/> of the image decomposed here.</summary>
    public required int Sample { get; init; }
    /// <summary>(C, H, W): that image as the layer receives it.</summary>
    public required TensorData Input { get; init; }
    /// <summary>Output channels (filters) of the layer; <see cref="Filters"/> may hold only the first few.</summary>
    public required int OutputChannels { get; init; }
    /// <summary>The first few output filters, decomposed.</summary>
    public required IReadOnlyList<FilterContribution> Filters { get; init; }
    /// <summary>Max |sum of contributions + bias − layer output| over every filter and every sample image.</summary>
    public required double MaxAbsDifference { get; init; }
}

/// <summary>One output filter of a conv2d layer, split by input channel.</summary>
public sealed record FilterContribution
{
    public required int Filter { get; init; }
    /// <summary>(C, H', W'): input channel c convolved with kernel slice [filter, c].</summary>
    public required TensorData Channels { get; init; }
    public required float Bias { get; init; }
    /// <summary>(H', W'): the contributions summed, plus the bias.</summary>
    public required TensorData Sum { get; init; }
    /// <summary>(H', W'): the layer's own output for this filter.</summary>
    public required TensorData Output { get; init; }
    /// <summary>Max |Sum − Output| for this filter and sample.</summary>
    public required double MaxAbsDifference { get; init; }
}
