using Cnnexp.Spec.Layers;

namespace Cnnexp.Spec.Model;

/// <summary>One <c>replace:</c>, <c>insert_before:</c> or <c>insert_after:</c> entry: the target layer and the new layers.</summary>
public sealed record LayerEdit(LayerRef Target, IReadOnlyList<LayerSpec> Layers);
