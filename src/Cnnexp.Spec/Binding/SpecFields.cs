using System.Collections.Concurrent;
using System.Reflection;

namespace Cnnexp.Spec.Binding;

/// <summary>One declared field of a spec type: its YAML key, property and declaration.</summary>
public sealed record SpecField(string Key, PropertyInfo Property, FieldAttribute Attribute);

/// <summary>The declared fields of spec types, in declaration order, base-record fields (such as a layer's `name`) first.</summary>
public static class SpecFields
{
    static readonly ConcurrentDictionary<Type, IReadOnlyList<SpecField>> Cache = new();

    public static IReadOnlyList<SpecField> Of(Type type) => Cache.GetOrAdd(type, t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (p, a: p.GetCustomAttribute<FieldAttribute>()))
            .Where(x => x.a is not null)
            .OrderBy(x => Depth(x.p.DeclaringType!))
            .ThenBy(x => x.p.MetadataToken)
            .Select(x => new SpecField(x.a!.Key ?? Naming.SnakeCase(x.p.Name), x.p, x.a!))
            .ToList());

    static int Depth(Type t) => t.BaseType is null ? 0 : 1 + Depth(t.BaseType);
}
