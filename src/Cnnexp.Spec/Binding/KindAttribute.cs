namespace Cnnexp.Spec.Binding;

/// <summary>Registers a layer or transform record under its YAML name (the registry entry).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class KindAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;
    public string Description { get; } = description;
}
