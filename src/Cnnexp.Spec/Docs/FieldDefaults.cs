using System.Collections;
using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Spec.Docs;

/// <summary>The default of each declared field: its property initialiser, read from a fresh record.</summary>
public static class FieldDefaults
{
    /// <summary>The default as YAML text (<c>3</c>, <c>adam</c>, <c>[0]</c>), or null when the field has none.</summary>
    public static string? Text(Type owner, SpecField field)
    {
        var value = Value(owner, field);
        return value switch
        {
            null => null,
            SpecNode => null,                                  // a section: its own table lists the defaults
            string { Length: 0 } => null,
            IEnumerable list when value is not string && !list.Cast<object>().Any() => null,
            _ => SpecWriter.Flow(value),
        };
    }

    public static object? Value(Type owner, SpecField field) =>
        owner.IsAbstract || field.Attribute.Required ? null : field.Property.GetValue(Activator.CreateInstance(owner));
}
