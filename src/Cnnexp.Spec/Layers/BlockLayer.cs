using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Layers;

/// <summary>
/// A reference to a named list under <c>blocks:</c>. The resolver replaces it by the block's layers
/// before planning; an explicitly named reference prefixes the names its layers were given.
/// </summary>
[Kind("block", "Inserts the layers of a named block from `blocks:`. `- block: NAME` or `- block: { use: NAME, name: PREFIX }`.", Shorthand = "use")]
public sealed record BlockLayer : CompositeLayer
{
    [Field("The block under `blocks:` to insert.", Required = true)] public string Use { get; init; } = "";

    public override IReadOnlyList<LayerSpec> Children => [];
    public override CompositeLayer WithChildren(IReadOnlyList<LayerSpec> children) => this;

    public override ShapeCheck Infer(Shape input) =>
        ShapeCheck.Fail($"block `{Use}` has no shape until it is expanded into its layers");
}
