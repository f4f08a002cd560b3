using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Transforms;

namespace Cnnexp.Spec.Model;

[Section("One model (a variant). Written under `models:` as `name: { ... }`. Edits address layers by name (`conv2`) or 0-based index (`1`, `-1` for the last).")]
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

    [Field("Field overrides of layers, `LAYER.FIELD: value`, e.g. `{ conv1.out: 16 }`.")]
    public IReadOnlyList<FieldEdit>? Set { get; init; }

    [Field("Layers replaced by another layer, `LAYER: { kind: {...} }`, e.g. `{ conv2: { conv2d: { out: 32, kernel: 5, padding: same } } }`.")]
    public IReadOnlyList<LayerEdit>? Replace { get; init; }

    [Field("Layers inserted before a layer, `LAYER: [layers]`, e.g. `{ relu1: [batchnorm2d] }`.")]
    public IReadOnlyList<LayerEdit>? InsertBefore { get; init; }

    [Field("Layers inserted after a layer, `LAYER: [layers]`, e.g. `{ relu2: [dropout2d: 0.25] }`.")]
    public IReadOnlyList<LayerEdit>? InsertAfter { get; init; }

    [Field("Layers removed, by name or index, e.g. `[relu3]`.")]
    public IReadOnlyList<LayerRef>? Remove { get; init; }

    [Field("A grid of field values, `LAYER.FIELD: [values]`; the model becomes one variant per combination, named e.g. `wide[conv1.out=16]`.")]
    public IReadOnlyList<SweepAxis>? Sweep { get; init; }

    [Field("Initial weights from a run or a weights file (fine-tuning, transfer), e.g. `{ run: ../runs/sumfirst, model: standard, epoch: best }`.")]
    public InitSpec? Init { get; init; }

    [Field("Layers whose parameters do not train, by name, e.g. `[conv1]` (usually with `init`). Batch-norm running statistics still update.")]
    public IReadOnlyList<string>? Freeze { get; init; }

    /// <summary>True when the model changes what it inherits (or its own layers) by edits.</summary>
    public bool HasEdits => Set is { Count: > 0 } || Replace is { Count: > 0 } || InsertBefore is { Count: > 0 }
                            || InsertAfter is { Count: > 0 } || Remove is { Count: > 0 };
}
