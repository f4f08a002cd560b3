using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Transforms;

namespace Cnnexp.Spec.Model;

[Section("One model (a variant). Written under `models:` as `name: { ... }`.")]
public sealed record ModelSpec : SpecNode
{
    /// <summary>The key under `models:`.</summary>
    public string Name { get; init; } = "";

    [Field("Another model whose layers and input transforms this one starts from.")]
    public string? Extends { get; init; }

    [Field("Input transforms applied to each batch before the first layer, e.g. `[channel_sum]`.")]
    public IReadOnlyList<TransformSpec>? Input { get; init; }

    [Field("The layer stack, first to last.")]
    public IReadOnlyList<LayerSpec>? Layers { get; init; }

    [Field("Training settings for this model only, merged key by key over the experiment's `train` (e.g. `train: { optimizer: { lr: 0.01 } }`).")]
    public TrainSpec? Train { get; init; }
}
