using Cnnexp.Spec.Diagnostics;

namespace Cnnexp.Spec.Yaml;

/// <summary>A YAML node with the place it came from. Immutable; edits build new trees.</summary>
public abstract record YNode(SourceSpan Where)
{
    /// <summary>A short name for error messages: "a number", "a list", "a mapping".</summary>
    public abstract string Describe();
}

/// <param name="Quoted">True for quoted scalars, which are always strings.</param>
public sealed record YScalar(string Value, bool Quoted, SourceSpan Where) : YNode(Where)
{
    public bool IsNull => !Quoted && Value is "" or "~" or "null" or "Null" or "NULL";
    public override string Describe() => IsNull ? "nothing (null)" : $"`{Value}`";
}

public sealed record YSeq(IReadOnlyList<YNode> Items, SourceSpan Where) : YNode(Where)
{
    public override string Describe() => "a list";
}

public sealed record YEntry(YScalar Key, YNode Value);

public sealed record YMap(IReadOnlyList<YEntry> Entries, SourceSpan Where) : YNode(Where)
{
    public YNode? this[string key] => Entries.FirstOrDefault(e => e.Key.Value == key)?.Value;
    public override string Describe() => "a mapping";

    /// <summary>A copy with <paramref name="key"/> set to <paramref name="value"/> (replaced in place or appended).</summary>
    public YMap With(string key, YNode value, SourceSpan keyWhere)
    {
        var entries = Entries.ToList();
        int i = entries.FindIndex(e => e.Key.Value == key);
        if (i >= 0) entries[i] = entries[i] with { Value = value };
        else entries.Add(new YEntry(new YScalar(key, false, keyWhere), value));
        return this with { Entries = entries };
    }

    public YMap Without(string key) => this with { Entries = Entries.Where(e => e.Key.Value != key).ToList() };
}
