using Cnnexp.Spec.Binding;

namespace Cnnexp.Spec.Transforms;

/// <summary>The registry of input transform kinds.</summary>
public static class Transforms
{
    public static KindRegistry<TransformSpec> Registry { get; } = new("transform", typeof(TransformSpec).Assembly, "grayscale");
}
