using Cnnexp.Spec.Diagnostics;

namespace Cnnexp.Spec.Model;

/// <summary><c>LAYER.FIELD</c> as written in <c>set:</c> and <c>sweep:</c>, e.g. <c>conv1.out</c>; <paramref name="FieldWhere"/> points at FIELD.</summary>
public sealed record FieldPath(LayerRef Layer, string Field, SourceSpan? FieldWhere)
{
    public override string ToString() => $"{Layer}.{Field}";
}
