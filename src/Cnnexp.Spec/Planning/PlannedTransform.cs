using Cnnexp.Spec.Transforms;

namespace Cnnexp.Spec.Planning;

/// <summary>An input transform with the shapes computed for it.</summary>
public sealed record PlannedTransform(TransformSpec Spec, Shape Input, Shape Output);
