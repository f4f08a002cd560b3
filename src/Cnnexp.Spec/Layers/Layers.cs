using Cnnexp.Spec.Binding;

namespace Cnnexp.Spec.Layers;

/// <summary>The registry of layer kinds: every non-abstract <see cref="LayerSpec"/> with a <see cref="KindAttribute"/>.</summary>
public static class Layers
{
    public static KindRegistry<LayerSpec> Registry { get; } = new("layer", typeof(LayerSpec).Assembly, "relu") { ContextHint = KindPlacement.Layer };
}
