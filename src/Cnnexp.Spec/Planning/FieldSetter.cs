using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Spec.Planning;

/// <summary>
/// Sets one declared field of a layer from YAML, type-checked exactly as if it were written in the
/// layer itself (same binder, same limits): used by <c>set:</c>, <c>sweep:</c> and <c>--set</c>.
/// </summary>
static class FieldSetter
{
    /// <summary>The declared field <paramref name="path"/> names on <paramref name="layer"/>, or a diagnostic.</summary>
    internal static SpecField? Field(LayerSpec layer, FieldPath path, DiagnosticBag diagnostics)
    {
        var fields = SpecFields.Of(layer.GetType());
        var field = fields.FirstOrDefault(f => f.Key == path.Field);
        if (field is null)
            diagnostics.Error("unknown-key", $"layer `{layer.Name}` ({layer.Kind}) has no field `{path.Field}`", path.FieldWhere,
                fields.Count == 0 ? $"{layer.Kind} has no settings" : Suggest.DidYouMean(path.Field, fields.Select(f => f.Key).ToList()));
        return field;
    }

    /// <summary>Binds <paramref name="value"/> to the field's type; <c>Ok</c> is false when it did not bind.</summary>
    internal static (bool Ok, object? Value) Bind(SpecField field, YNode value, string path, DiagnosticBag diagnostics)
    {
        int before = diagnostics.Items.Count;
        var bound = SpecLoader.NewBinder(diagnostics).BindValue(field.Property.PropertyType, value, path, field.Attribute);
        return (diagnostics.Items.Count == before, bound);
    }

    /// <summary>
    /// A copy of <paramref name="layer"/> with the field set (records are immutable; init setters take
    /// reflection). Later shape errors about the field point at <paramref name="where"/>, the edit.
    /// </summary>
    internal static LayerSpec With(LayerSpec layer, SpecField field, object? value, SourceSpan? where)
    {
        var copy = layer with { };
        field.Property.SetValue(copy, value);
        var spans = new Dictionary<string, SourceSpan>(copy.KeySpans);
        if (where is not null) spans[field.Key] = where;
        return copy with { KeySpans = spans };
    }
}
