using Cnnexp.Spec.Yaml;

namespace Cnnexp.Spec.Model;

/// <summary>One <c>set:</c> entry: a layer field and its new value, still as YAML (typed when the layer is known).</summary>
public sealed record FieldEdit(FieldPath Path, YNode Value);
