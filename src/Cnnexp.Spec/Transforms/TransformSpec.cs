using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Transforms;

/// <summary>
/// An input transform that is part of a model (applied to every batch before the first layer,
/// in training and evaluation alike), e.g. the notebook's `x.sum(dim=1, keepdim=True)`.
/// </summary>
public abstract record TransformSpec : SpecNode
{
    /// <summary>The YAML name, e.g. <c>channel_sum</c>.</summary>
    public string Kind => KindRegistry<TransformSpec>.NameOf(GetType());

    public abstract ShapeCheck Infer(Shape input);

    protected ShapeCheck NeedsImage(Shape input) =>
        ShapeCheck.Fail($"{Kind} needs an image (channels x height x width), got {input}");
}
