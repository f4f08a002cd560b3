using System.Reflection;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Spec.Binding;

/// <summary>One registered kind: YAML name, record type, description.</summary>
public sealed record KindInfo(string Name, Type Type, string Description, string? Shorthand)
{
    /// <summary>The declared fields of this kind.</summary>
    public IReadOnlyList<SpecField> Fields => SpecFields.Of(Type);
}

/// <summary>
/// Maps YAML names to the records of one family (layers or transforms) and binds lists written
/// as <c>- relu</c>, <c>- relu: {}</c> or <c>- conv2d: { out: 8, kernel: 3 }</c>.
/// </summary>
public sealed class KindRegistry<TBase> where TBase : SpecNode
{
    readonly Dictionary<string, KindInfo> byName;
    readonly string family;
    readonly string example;

    /// <summary>A hint for an unknown name that depends on the items above it (`batchnorm` after a conv); null when none applies.</summary>
    public Func<string, IReadOnlyList<TBase>, string?>? ContextHint { get; init; }

    /// <param name="example">A typical item, for hints: `- relu`, `- grayscale`.</param>
    public KindRegistry(string family, Assembly assembly, string example)
    {
        this.family = family;
        this.example = example;
        byName = assembly.GetTypes()
            .Where(t => typeof(TBase).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (t, a: t.GetCustomAttribute<KindAttribute>()))
            .Where(x => x.a is not null)
            .ToDictionary(x => x.a!.Name, x => new KindInfo(x.a!.Name, x.t, x.a.Description, x.a.Shorthand));
    }

    public IReadOnlyCollection<KindInfo> All => byName.Values.OrderBy(k => k.Name, StringComparer.Ordinal).ToList();

    public KindInfo? Find(string name) => byName.GetValueOrDefault(name);

    public KindInfo? Find(Type type) => byName.Values.FirstOrDefault(k => k.Type == type);

    /// <summary>"layer" or "transform": the word used in messages.</summary>
    public string Family => family;

    public static string NameOf(Type t) => t.GetCustomAttribute<KindAttribute>()?.Name ?? Naming.SnakeCase(t.Name);

    public IReadOnlyList<TBase> BindList(YNode node, string path, Binder binder)
    {
        var result = new List<TBase>();
        if (node is not YSeq seq)
        {
            string key = path.Split('.')[^1];
            binder.Diagnostics.Error("wrong-type", $"`{path}` must be a list of {family}s, not {node.Describe()}", node.Where,
                node is YScalar { Value: var v } && Find(v) is not null ? $"write it as a list: `{key}: [{v}]`"
                : $"write one {family} per line, e.g. `- {example}`, or a list: `{key}: [{example}]`");
            return result;
        }
        for (int i = 0; i < seq.Items.Count; i++)
            if (BindOne(seq.Items[i], $"{path}[{i}]", binder, result) is { } item) result.Add(item);
        return result;
    }

    /// <param name="above">The items bound before this one in its list, for hints that depend on them.</param>
    public TBase? BindOne(YNode node, string path, Binder binder, IReadOnlyList<TBase>? above = null)
    {
        YScalar? nameNode; YNode? args;
        switch (node)
        {
            case YScalar s: (nameNode, args) = (s, null); break;
            case YMap { Entries.Count: 1 } m: (nameNode, args) = (m.Entries[0].Key, m.Entries[0].Value); break;
            default:
                binder.Diagnostics.Error("wrong-type", $"`{path}` must name one {family}, not {node.Describe()}", node.Where,
                    $"write `- name` or `- name: {{ key: value }}`, one {family} per list item");
                return null;
        }
        var kind = Find(nameNode.Value);
        if (kind is null)
        {
            binder.Diagnostics.Error($"unknown-{family}", $"unknown {family} `{nameNode.Value}`", nameNode.Where,
                KindPlacement.Elsewhere(nameNode.Value, family) ?? ContextHint?.Invoke(nameNode.Value, above ?? [])
                ?? Suggest.DidYouMean(nameNode.Value, byName.Keys));
            return null;
        }
        if (args is null || args is YScalar { IsNull: true })
            args = new YMap([], nameNode.Where);
        else if (args is not YMap && kind.Shorthand is { } shorthand)
            args = new YMap([new YEntry(new YScalar(shorthand, false, args.Where), args)], args.Where);
        else if (args is not YMap)
        {
            var settings = kind.Fields.Where(f => f.Key != "name").ToList();
            binder.Diagnostics.Error("wrong-type", $"`{path}.{kind.Name}` takes settings as a mapping, not {args.Describe()}", args.Where,
                settings.Count == 0 ? $"{kind.Name} has no settings (besides `name`): write `- {kind.Name}`"
                    : $"write `- {kind.Name}: {{ {settings[0].Key}: ... }}`");
            return null;
        }
        var bound = (TBase)binder.BindObject(kind.Type, args, $"{path}.{kind.Name}");
        return bound with { Where = nameNode.Where };
    }
}
