using System.Globalization;
using System.Text;
using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Spec.Scripts;

/// <summary>
/// The free-form `args:` of a script layer or transform, kept as written (with positions) for the
/// script to read through typed getters. Two args are equal when they are written the same.
/// </summary>
public sealed class ScriptArgs : IEquatable<ScriptArgs>
{
    public static ScriptArgs Empty { get; } = new(new YMap([], new SourceSpan("<args>", 1, 1)));

    readonly YMap map;

    public ScriptArgs(YMap map) => this.map = map;

    /// <summary>The keys, in the order written.</summary>
    public IReadOnlyList<string> Keys => map.Entries.Select(e => e.Key.Value).ToList();

    /// <summary>The value written under <paramref name="key"/>, or null.</summary>
    public YNode? Get(string key) => map[key];

    /// <summary>Where <paramref name="key"/>'s value was written, else where the mapping starts.</summary>
    public SourceSpan SpanOf(string key) => map[key]?.Where ?? map.Where;

    public SourceSpan Where => map.Where;

    /// <summary>Binds `args:`; anything but a mapping is an error.</summary>
    public static ScriptArgs? Bind(YNode node, string path, Binder binder)
    {
        if (node is YMap m) return new ScriptArgs(m);
        binder.Diagnostics.Error("wrong-type", $"`{path}` must be a mapping of settings for the script, not {node.Describe()}", node.Where,
            "write `args: { name: value, ... }`");
        return null;
    }

    /// <summary>The args as one line of flow YAML, <c>{ a: 1, b: [2, 3] }</c>; reading it back gives equal args.</summary>
    public string ToFlow() => Flow(map);

    static string Flow(YNode node) => node switch
    {
        YMap m => m.Entries.Count == 0 ? "{}" : "{ " + string.Join(", ", m.Entries.Select(e => $"{Scalar(e.Key)}: {Flow(e.Value)}")) + " }",
        YSeq s => "[" + string.Join(", ", s.Items.Select(Flow)) + "]",
        YScalar s => Scalar(s),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    /// <summary>Plain scalars stay plain (so numbers stay numbers) unless flow syntax would misread them.</summary>
    static string Scalar(YScalar s)
    {
        if (IsNumber(s) || IsSafePlain(s)) return s.Value;
        var sb = new StringBuilder("\"");
        foreach (char c in s.Value)
            sb.Append(c switch { '"' => "\\\"", '\\' => "\\\\", '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => c.ToString() });
        return sb.Append('"').ToString();
    }

    /// <summary>Words, paths and names that read the same in flow YAML (no `,[]{}:#` and no edge spaces).</summary>
    static bool IsSafePlain(YScalar s) =>
        !s.Quoted && s.Value.Length > 0 && s.Value[0] != '-' && !char.IsWhiteSpace(s.Value[0]) && !char.IsWhiteSpace(s.Value[^1])
        && s.Value.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or '+' or ' ');

    static bool IsNumber(YScalar s) => !s.Quoted && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    public bool Equals(ScriptArgs? other) => other is not null && ToFlow() == other.ToFlow();
    public override bool Equals(object? obj) => Equals(obj as ScriptArgs);
    public override int GetHashCode() => ToFlow().GetHashCode(StringComparison.Ordinal);
    public override string ToString() => ToFlow();
}
