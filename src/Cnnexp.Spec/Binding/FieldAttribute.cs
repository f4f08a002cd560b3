namespace Cnnexp.Spec.Binding;

/// <summary>
/// Declares a spec field once: its YAML key (snake_case of the property unless <see cref="Key"/>
/// says otherwise), description, limits and allowed values. The binder, the JSON Schema and
/// docs/spec-reference.md are all generated from these declarations.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FieldAttribute(string description) : Attribute
{
    public string Description { get; } = description;

    /// <summary>YAML key when it differs from the snake_case property name (e.g. <c>type</c> for <c>Kind</c>).</summary>
    public string? Key { get; init; }

    /// <summary>Inclusive lower bound for numbers; NaN when unbounded.</summary>
    public double Min { get; init; } = double.NaN;

    /// <summary>Inclusive upper bound for numbers; NaN when unbounded.</summary>
    public double Max { get; init; } = double.NaN;

    /// <summary>Allowed values for a string field; null when any string is allowed.</summary>
    public string[]? Allowed
    {
        get => allowed ?? (AllowedFrom is { } type && AllowedField is { } name
            ? type.GetField(name)?.GetValue(null) as string[] ?? throw new InvalidOperationException($"{type.Name}.{name} is not a public static string[]")
            : null);
        init => allowed = value;
    }

    string[]? allowed;

    /// <summary>
    /// With <see cref="AllowedField"/>: the type whose public static <c>string[]</c> field lists the allowed
    /// values, for lists declared once in code and used elsewhere too (an attribute cannot hold a field's value).
    /// </summary>
    public Type? AllowedFrom { get; init; }

    /// <summary>The name of <see cref="AllowedFrom"/>'s field.</summary>
    public string? AllowedField { get; init; }

    /// <summary>The key must be present.</summary>
    public bool Required { get; init; }

    /// <summary>A regular expression a string value must match in full; null when any string is allowed.</summary>
    public string? Pattern { get; init; }

    /// <summary>Says in words what <see cref="Pattern"/> requires, for the error message.</summary>
    public string? PatternHint { get; init; }
}

/// <summary>Describes a spec section (a YAML mapping) for the generated reference.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SectionAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}
