using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Layers;

/// <summary>
/// One layer as written in YAML. Each concrete record declares its fields once and computes its
/// output shape, parameter count and multiply-accumulates by arithmetic — no tensors.
/// </summary>
public abstract record LayerSpec : SpecNode
{
    [Field("Name used by inspect, sweeps, `replace`/`insert` edits and exported weights; default: the kind plus a number, e.g. `conv1`.")]
    public string? Name { get; init; }

    /// <summary>The YAML name of this layer kind, e.g. <c>conv2d</c>.</summary>
    public string Kind => KindRegistry<LayerSpec>.NameOf(GetType());

    public abstract ShapeCheck Infer(Shape input);

    /// <summary>Trainable parameters for this input shape.</summary>
    public virtual long Parameters(Shape input, Shape output) => 0;

    /// <summary>Multiply-accumulate operations for one example.</summary>
    public virtual long Macs(Shape input, Shape output) => 0;

    protected ShapeCheck NeedsImage(Shape input) => ShapeCheck.Fail(
        $"{Kind} needs an image-shaped input (channels x height x width), got {input}",
        "move this layer before `flatten`, or remove the `flatten` above it");
}
