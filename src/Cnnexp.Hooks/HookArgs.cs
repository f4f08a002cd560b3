using System.Globalization;
using Cnnexp.Spec.Scripts;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Hooks;

/// <summary>
/// The `args:` of a `- script:` entry, read with typed getters. A missing or mistyped value throws a
/// <see cref="HookArgumentException"/> that cnnexp prints at the YAML line; args the script never
/// reads are reported as unknown keys, as the rest of the spec does.
/// </summary>
public sealed class HookArgs
{
    readonly ScriptArgs args;
    readonly HashSet<string> read = [];

    public HookArgs(ScriptArgs args) => this.args = args;

    /// <summary>The keys as written.</summary>
    public IReadOnlyList<string> Keys => args.Keys;

    /// <summary>The keys the script asked for so far.</summary>
    public IReadOnlyCollection<string> Read => read;

    public bool Has(string key)
    {
        read.Add(key);
        return args.Get(key) is not null;
    }

    /// <summary>A whole number; <paramref name="fallback"/> when absent (required when null).</summary>
    public int Int(string key, int? fallback = null) => Scalar(key, fallback, "a whole number", ParseInt);

    /// <summary>A number; <paramref name="fallback"/> when absent (required when null).</summary>
    public double Double(string key, double? fallback = null) => Scalar(key, fallback, "a number", ParseDouble);

    /// <summary><c>true</c> or <c>false</c>; <paramref name="fallback"/> when absent (required when null).</summary>
    public bool Bool(string key, bool? fallback = null) => Scalar(key, fallback, "`true` or `false`", ParseBool);

    /// <summary>A text value; <paramref name="fallback"/> when absent (required when null).</summary>
    public string String(string key, string? fallback = null)
    {
        var node = Node(key, fallback is null);
        if (node is null) return fallback!;
        return node is YScalar s ? s.Value : throw Wrong(key, node, "a text value");
    }

    /// <summary>A list of whole numbers, e.g. <c>[0, 2]</c>.</summary>
    public IReadOnlyList<int> Ints(string key, IReadOnlyList<int>? fallback = null) =>
        List(key, fallback, "a list of whole numbers, e.g. [0, 2]", n => n is YScalar { Quoted: false } s && ParseInt(s.Value) is int v ? new Box<int>(v) : null);

    /// <summary>A list of numbers, e.g. <c>[0.5, 1.0]</c>.</summary>
    public IReadOnlyList<double> Doubles(string key, IReadOnlyList<double>? fallback = null) =>
        List(key, fallback, "a list of numbers, e.g. [0.5, 1.0]", n => n is YScalar { Quoted: false } s && ParseDouble(s.Value) is double v ? new Box<double>(v) : null);

    /// <summary>A list of text values, e.g. <c>[a, b]</c>.</summary>
    public IReadOnlyList<string> Strings(string key, IReadOnlyList<string>? fallback = null) =>
        List(key, fallback, "a list of text values, e.g. [a, b]", n => n is YScalar s ? new Box<string>(s.Value) : null);

    T Scalar<T>(string key, T? fallback, string what, Func<string, T?> parse) where T : struct
    {
        var node = Node(key, fallback is null);
        if (node is null) return fallback!.Value;
        if (node is YScalar { Quoted: false } s && parse(s.Value) is T value) return value;
        throw Wrong(key, node, what);
    }

    IReadOnlyList<T> List<T>(string key, IReadOnlyList<T>? fallback, string what, Func<YNode, Box<T>?> item)
    {
        var node = Node(key, fallback is null);
        if (node is null) return fallback!;
        if (node is not YSeq seq) throw Wrong(key, node, what);
        var items = new List<T>();
        foreach (var n in seq.Items)
            items.Add(item(n) is { } box ? box.Value : throw Wrong(key, node, what));
        return items;
    }

    sealed record Box<T>(T Value);

    static int? ParseInt(string s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : null;
    static double? ParseDouble(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null;
    static bool? ParseBool(string s) => s switch { "true" => true, "false" => false, _ => null };

    YNode? Node(string key, bool required)
    {
        read.Add(key);
        var node = args.Get(key);
        if (node is null or YScalar { IsNull: true } && required)
            throw new HookArgumentException($"`args.{key}` is missing; the script needs it", key, $"add `{key}: ...` to the entry's `args`");
        return node is YScalar { IsNull: true } ? null : node;
    }

    static HookArgumentException Wrong(string key, YNode node, string what) =>
        new($"`args.{key}` must be {what}, not {node.Describe()}", key);
}
