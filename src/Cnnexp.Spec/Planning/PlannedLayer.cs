using Cnnexp.Spec.Layers;

namespace Cnnexp.Spec.Planning;

/// <summary>A layer with its resolved name and the shapes computed for it.</summary>
public sealed record PlannedLayer(string Name, LayerSpec Spec, Shape Input, Shape Output, long Parameters, long Macs);
