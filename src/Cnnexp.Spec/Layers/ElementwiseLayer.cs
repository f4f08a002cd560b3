using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Layers;

/// <summary>A layer applied to each value on its own (activations): the output shape is the input shape.</summary>
public abstract record ElementwiseLayer : LayerSpec
{
    public override ShapeCheck Infer(Shape input) => ShapeCheck.Ok(input);
}
