using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Layers;

/// <summary>
/// One layer as written in YAML. Each concrete record declares its fields once and computes its
/// output shape, parameter count and multiply-accumulates by arithmetic — no tensors.
/// </summary>
public abstract record LayerSpec : SpecNode
{
    [Field("Name used by inspect, sweeps, `set`/`replace`/`insert` edits and parameter names; default: the kind plus a number, e.g. `conv1`.",
        Pattern = "[A-Za-z_][A-Za-z0-9_]*", PatternHint = "a layer name starts with a letter or `_` and holds only letters, digits and `_`")]
    public string? Name { get; init; }

    /// <summary>The YAML name of this layer kind, e.g. <c>conv2d</c>.</summary>
    public string Kind => KindRegistry<LayerSpec>.NameOf(GetType());

    public abstract ShapeCheck Infer(Shape input);

    /// <summary>Trainable parameters for this input shape.</summary>
    public virtual long Parameters(Shape input, Shape output) => 0;

    /// <summary>
    /// Non-trainable values kept with the weights (batch norm's running mean and variance): saved
    /// and loaded like parameters, but updated by statistics, not by gradients.
    /// </summary>
    public virtual long Statistics(Shape input, Shape output) => 0;

    /// <summary>Multiply-accumulate operations for one example.</summary>
    public virtual long Macs(Shape input, Shape output) => 0;

    protected ShapeCheck NeedsImage(Shape input) => ShapeCheck.Fail(
        $"{Kind} needs an image-shaped input (channels x height x width), got {input}",
        "move this layer before `flatten`, or remove the `flatten` above it");

    protected ShapeCheck NeedsFeatures(Shape input) => ShapeCheck.Fail(
        $"{Kind} needs a flat input (features), got {input}", "add `- flatten` before this layer");

    /// <summary>A written <c>in</c> that disagrees with the inferred input size.</summary>
    protected ShapeCheck WrongIn(int written, int actual, string unit) => ShapeCheck.Fail(
        $"{Kind} `in: {written}` does not match its input, which has {actual} {unit}",
        $"{Kind}'s input is inferred; remove `in`", "in");
}
