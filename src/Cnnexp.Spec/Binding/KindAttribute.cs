namespace Cnnexp.Spec.Binding;

/// <summary>Registers a layer or transform record under its YAML name (the registry entry).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class KindAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;
    public string Description { get; } = description;

    /// <summary>
    /// The field a bare value binds to, so <c>- dropout: 0.3</c> means <c>- dropout: { p: 0.3 }</c>
    /// and <c>- channel_select: [0, 2]</c> means <c>{ channels: [0, 2] }</c>; null when there is none.
    /// </summary>
    public string? Shorthand { get; init; }
}
