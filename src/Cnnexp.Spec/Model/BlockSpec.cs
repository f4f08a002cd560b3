using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Layers;

namespace Cnnexp.Spec.Model;

/// <summary>A named, reusable layer list under <c>blocks:</c>, inserted with <c>- block: NAME</c>.</summary>
public sealed record BlockSpec : SpecNode
{
    /// <summary>The key under <c>blocks:</c>.</summary>
    public string Name { get; init; } = "";

    public IReadOnlyList<LayerSpec> Layers { get; init; } = [];
}
