using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Cnnexp.Spec.Binding;
using Binder = Cnnexp.Spec.Binding.Binder;

namespace Cnnexp.Spec.Scripts;

/// <summary>
/// Walks and rewrites spec trees generically: every settable property holding a spec node or a
/// list of them is a child. Script layers may sit anywhere layers can (models, blocks, residual
/// bodies, edits), so the scripting stage finds and binds them without knowing each container.
/// </summary>
public static class SpecTree
{
    static readonly ConcurrentDictionary<Type, PropertyInfo[]> ChildProperties = new();

    /// <summary>Every node under <paramref name="root"/> (itself included), parents before children.</summary>
    public static IEnumerable<SpecNode> All(SpecNode root)
    {
        yield return root;
        foreach (var property in Children(root.GetType()))
            foreach (var child in Nodes(property.GetValue(root)))
                foreach (var node in All(child))
                    yield return node;
    }

    /// <summary>
    /// A copy of <paramref name="root"/> in which every node is replaced by <paramref name="map"/>'s result
    /// (applied to a node before its children). Unchanged subtrees are shared, not copied.
    /// </summary>
    public static T Map<T>(T root, Func<SpecNode, SpecNode> map) where T : SpecNode => (T)MapNode(root, map);

    static SpecNode MapNode(SpecNode node, Func<SpecNode, SpecNode> map)
    {
        var mapped = map(node);
        SpecNode? copy = null;
        foreach (var property in Children(mapped.GetType()))
        {
            object? value = property.GetValue(mapped);
            object? next = value switch
            {
                SpecNode child => MapNode(child, map),
                IList list => MapList(list, property.PropertyType, map),
                _ => value,
            };
            if (ReferenceEquals(next, value)) continue;
            copy ??= Clone(mapped);
            property.SetValue(copy, next);
        }
        return copy ?? mapped;
    }

    static object MapList(IList list, Type listType, Func<SpecNode, SpecNode> map)
    {
        var items = list.Cast<object>().Select(item => item is SpecNode n ? MapNode(n, map) : item).ToList();
        if (items.Zip(list.Cast<object>()).All(p => ReferenceEquals(p.First, p.Second))) return list;
        var copy = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(Binder.ListElement(listType)!))!;
        foreach (var item in items) copy.Add(item);
        return copy;
    }

    /// <summary>A shallow copy through the record's compiler-generated clone (what <c>with</c> uses).</summary>
    static SpecNode Clone(SpecNode node) => (SpecNode)node.GetType().GetMethod("<Clone>$")!.Invoke(node, null)!;

    static IEnumerable<SpecNode> Nodes(object? value) => value switch
    {
        SpecNode n => [n],
        IEnumerable list and not string => list.OfType<SpecNode>(),
        _ => [],
    };

    static PropertyInfo[] Children(Type type) => ChildProperties.GetOrAdd(type, t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
        .Where(p => typeof(SpecNode).IsAssignableFrom(p.PropertyType)
                    || Binder.ListElement(p.PropertyType) is { } e && typeof(SpecNode).IsAssignableFrom(e))
        .ToArray());
}
