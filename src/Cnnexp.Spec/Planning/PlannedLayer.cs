using Cnnexp.Spec.Layers;

namespace Cnnexp.Spec.Planning;

/// <summary>A layer with its resolved name and the shapes computed for it.</summary>
/// <param name="Children">For a residual: its body, planned.</param>
/// <param name="Shortcut">For a residual whose body changes the shape: the 1x1 projection on the skip path.</param>
public sealed record PlannedLayer(string Name, LayerSpec Spec, Shape Input, Shape Output, long Parameters, long Macs,
    IReadOnlyList<PlannedLayer>? Children = null, PlannedLayer? Shortcut = null)
{
    public IReadOnlyList<PlannedLayer> Body => Children ?? [];
}
