using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Spec.Model;

/// <summary>One <c>sweep:</c> entry: a layer field and the values to try, one variant per value (per combination).</summary>
public sealed record SweepAxis(FieldPath Path, IReadOnlyList<YNode> Values, SourceSpan? Where);
