using Cnnexp.Spec.Diagnostics;

namespace Cnnexp.Spec.Binding;

/// <summary>Base of every bound spec object: remembers where it and each of its keys came from.</summary>
public abstract record SpecNode
{
    /// <summary>Where the mapping (or scalar) for this object starts; null when built in code.</summary>
    public SourceSpan? Where { get; init; }

    /// <summary>Where each YAML key of this object was written, by key.</summary>
    public IReadOnlyDictionary<string, SourceSpan> KeySpans { get; init; } = EmptySpans;

    /// <summary>The place of <paramref name="key"/>'s value if written, else of the object.</summary>
    public SourceSpan? SpanOf(string key) => KeySpans.TryGetValue(key, out var s) ? s : Where;

    static readonly IReadOnlyDictionary<string, SourceSpan> EmptySpans = new Dictionary<string, SourceSpan>();
}
