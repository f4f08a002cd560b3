using System.Globalization;
using Cnnexp.Spec.Diagnostics;

namespace Cnnexp.Spec.Model;

/// <summary>A layer addressed in an edit: by name (<c>conv2</c>) or by 0-based index (<c>1</c>; <c>-1</c> is the last).</summary>
public sealed record LayerRef(string Text, SourceSpan? Where)
{
    public int? Index => int.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int i) ? i : null;
    public override string ToString() => Text;
}
