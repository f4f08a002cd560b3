using System.Collections;
using System.Globalization;
using System.Reflection;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Spec.Binding;

/// <summary>
/// Binds YAML nodes onto spec records declared with <see cref="FieldAttribute"/>. Unknown keys,
/// wrong types, values out of range and missing required keys become diagnostics; binding goes
/// on so every problem of a file is reported in one pass.
/// </summary>
public sealed class Binder(DiagnosticBag diagnostics)
{
    /// <summary>Binders for types the generic rules do not cover (layer lists, model maps, …).</summary>
    readonly Dictionary<Type, Func<YNode, string, Binder, object?>> custom = new();

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public void Register<T>(Func<YNode, string, Binder, T?> bind) => custom[typeof(T)] = (n, p, b) => bind(n, p, b);

    /// <summary>Binds a mapping onto a new <typeparamref name="T"/>; defaults stay where keys are absent.</summary>
    public T BindObject<T>(YNode node, string path) where T : SpecNode, new() => (T)BindObject(typeof(T), node, path);

    public object BindObject(Type type, YNode node, string path)
    {
        var target = Activator.CreateInstance(type)!;
        if (node is not YMap map)
        {
            Diagnostics.Error("wrong-type", path.Length == 0 ? $"a spec must be a mapping of keys, not {node.Describe()}"
                : $"`{path}` must be a mapping of keys, not {node.Describe()}", node.Where,
                path.Length == 0 ? "start with `name: ...` and `models:`" : TypeShorthand(type, node, path)
                    ?? $"write `{path.Split('.')[^1]}: {{ key: value }}` or the keys on indented lines below");
            return target;
        }
        var fields = SpecFields.Of(type);
        var spans = new Dictionary<string, SourceSpan>();
        var meant = new HashSet<string>();             // keys a misspelt or peer-named key stands for: not also "missing"
        foreach (var entry in map.Entries)
        {
            string key = entry.Key.Value;
            var field = fields.FirstOrDefault(f => f.Key == key);
            if (field is null && key.Length == 0)
            {
                Diagnostics.Error("unknown-key", $"a key is missing before this `:` {In(path)}", entry.Key.Where, "write `key: value`");
                continue;
            }
            if (field is null)
            {
                var keys = fields.Select(f => f.Key).ToList();
                if ((PeerNames.Ours(key, keys) ?? Suggest.Closest(key, keys)) is { } intended) meant.Add(intended);
                Diagnostics.Error("unknown-key", $"unknown key `{key}` {In(path)}", entry.Key.Where,
                    (Suggest.Closest(key, keys) is null ? KeyPlacement.Hint(key, type) : null) ?? Suggest.DidYouMean(key, keys));
                continue;
            }
            spans[key] = entry.Value.Where;
            object? value = BindValue(field.Property.PropertyType, entry.Value, Join(path, key), field.Attribute);
            if (value is not null || IsNullable(field.Property))
                field.Property.SetValue(target, value);
        }
        foreach (var f in fields.Where(f => f.Attribute.Required && !spans.ContainsKey(f.Key) && !meant.Contains(f.Key)))
            Diagnostics.Error("missing-key", $"missing key `{f.Key}` {In(path)}", map.Where, $"`{f.Key}`: {f.Attribute.Description}");
        if (target is SpecNode)
        {
            type.GetProperty(nameof(SpecNode.Where))!.SetValue(target, map.Where);
            type.GetProperty(nameof(SpecNode.KeySpans))!.SetValue(target, spans);
        }
        return target;
    }

    public object? BindValue(Type type, YNode node, string path, FieldAttribute? field = null)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (node is YScalar { IsNull: true } && (underlying is not null || !type.IsValueType && type != typeof(string)))
            return null;
        type = underlying ?? type;
        if (custom.TryGetValue(type, out var bind)) return bind(node, path, this);
        if (type == typeof(int)) return Number(node, path, field, s => int.Parse(s, CultureInfo.InvariantCulture), "a whole number");
        if (type == typeof(long)) return Number(node, path, field, s => long.Parse(s, CultureInfo.InvariantCulture), "a whole number");
        if (type == typeof(double)) return Number(node, path, field, ParseDouble, "a number");
        if (type == typeof(bool)) return Bool(node, path);
        if (type == typeof(string)) return String(node, path, field);
        if (type == typeof(IntPair)) return Pair(node, path, field);
        if (type == typeof(Padding)) return PaddingValue(node, path, field);
        if (type.IsEnum) return EnumValue(type, node, path);
        if (ListElement(type) is { } element) return List(element, node, path, field);
        if (typeof(SpecNode).IsAssignableFrom(type)) return BindObject(type, node, path);
        throw new InvalidOperationException($"no binding rule for {type.Name} at {path}");
    }

    /// <summary>`optimizer: sgd` (or `--set train.optimizer=sgd`, as Hydra config groups are chosen): the `type` it names.</summary>
    static string? TypeShorthand(Type type, YNode node, string path)
    {
        if (node is not YScalar { Value: var v } || SpecFields.Of(type).FirstOrDefault(f => f.Key == "type") is not { } kind) return null;
        var names = kind.Property.PropertyType.IsEnum ? Enum.GetNames(kind.Property.PropertyType).Select(Naming.SnakeCase).ToList()
            : kind.Attribute.Allowed?.ToList() ?? [];
        if (!names.Contains(v)) return null;
        return node.Where.File == Overrides.File
            ? $"`{v}` is a `type`: write `--set {path}.type={v}` (settings beside it: `--set {path}.lr=0.01`)"
            : $"`{v}` is a `type`: write `{path.Split('.')[^1]}: {{ type: {v} }}`";
    }

    object? Number(YNode node, string path, FieldAttribute? field, Func<string, object> parse, string what)
    {
        if (node is not YScalar { Quoted: false } s)
            return Wrong(node, path, what);
        object value;
        try { value = parse(s.Value); }
        catch (Exception e) when (e is FormatException or OverflowException) { return Wrong(node, path, what); }
        double d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        if (!double.IsFinite(d))
        {
            Diagnostics.Error("out-of-range", $"`{path}` is {s.Value}; it must be a finite number", node.Where,
                field is not null && !double.IsNaN(field.Max) ? $"give a number in {Range(field)}" : null);
            return null;
        }
        if (field is not null && (!double.IsNaN(field.Min) && d < field.Min || !double.IsNaN(field.Max) && d > field.Max))
        {
            Diagnostics.Error("out-of-range", $"`{path}` is {s.Value}, outside {Range(field)}", node.Where);
            return null;
        }
        return value;
    }

    /// <summary>YAML's `.inf` and `.nan` (and .NET's `NaN`, `Infinity`) parse, to be refused as not finite.</summary>
    static object ParseDouble(string s) =>
        s is ".inf" or "+.inf" or ".Inf" or ".INF" ? double.PositiveInfinity
        : s is "-.inf" or "-.Inf" or "-.INF" ? double.NegativeInfinity
        : s is ".nan" or ".NaN" or ".NAN" ? double.NaN
        : double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    object? Bool(YNode node, string path) => node is YScalar { Quoted: false, Value: var v } && v is "true" or "false"
        ? v == "true"
        : Wrong(node, path, "`true` or `false`");

    object? String(YNode node, string path, FieldAttribute? field)
    {
        if (node is not YScalar s) return Wrong(node, path, "a text value");
        if (field?.Allowed is { } allowed && !allowed.Contains(s.Value))
        {
            Diagnostics.Error("unknown-value", $"`{path}` cannot be `{s.Value}`", node.Where, Suggest.DidYouMean(s.Value, allowed));
            return null;
        }
        if (field?.Pattern is { } pattern && !System.Text.RegularExpressions.Regex.IsMatch(s.Value, $"^(?:{pattern})$"))
        {
            Diagnostics.Error("bad-value", $"`{path}` cannot be `{s.Value}`: {field.PatternHint ?? "it must match " + pattern}", node.Where);
            return null;
        }
        return s.Value;
    }

    object? Pair(YNode node, string path, FieldAttribute? field)
    {
        if (node is YScalar) return Number(node, path, field, s => int.Parse(s, CultureInfo.InvariantCulture), "a whole number or [h, w]") is int n ? IntPair.Square(n) : null;
        if (node is YSeq { Items.Count: 2 } seq
            && Number(seq.Items[0], path, field, s => int.Parse(s, CultureInfo.InvariantCulture), "a whole number") is int h
            && Number(seq.Items[1], path, field, s => int.Parse(s, CultureInfo.InvariantCulture), "a whole number") is int w)
            return new IntPair(h, w);
        return node is YSeq { Items.Count: 2 } ? null : Wrong(node, path, "a whole number or [height, width]");
    }

    object? PaddingValue(YNode node, string path, FieldAttribute? field)
    {
        if (node is YScalar { Value: "same" }) return Padding.SameSize;
        if (node is YScalar { Value: "valid" }) return Padding.Of(0);
        return Pair(node, path, field) is IntPair p ? new Padding(p, false) : null;
    }

    object? EnumValue(Type type, YNode node, string path)
    {
        var names = Enum.GetNames(type).ToDictionary(Naming.SnakeCase);
        if (node is YScalar s && names.TryGetValue(s.Value, out var name)) return Enum.Parse(type, name);
        if (node is YScalar bad)
        {
            Diagnostics.Error("unknown-value", $"`{path}` cannot be `{bad.Value}`", node.Where, Suggest.DidYouMean(bad.Value, names.Keys));
            return null;
        }
        return Wrong(node, path, "one of " + string.Join(", ", names.Keys));
    }

    object? List(Type element, YNode node, string path, FieldAttribute? field)
    {
        if (node is not YSeq seq) return Wrong(node, path, "a list, e.g. [a, b]");
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        for (int i = 0; i < seq.Items.Count; i++)
        {
            var item = BindValue(element, seq.Items[i], $"{path}[{i}]", field);
            if (item is not null) list.Add(item);
        }
        return list;
    }

    object? Wrong(YNode node, string path, string expected)
    {
        Diagnostics.Error("wrong-type", $"`{path}` must be {expected}, not {node.Describe()}", node.Where);
        return null;
    }

    static string Range(FieldAttribute f) =>
        double.IsNaN(f.Max) ? $"the allowed range (at least {f.Min})"
        : double.IsNaN(f.Min) ? $"the allowed range (at most {f.Max})"
        : $"the allowed range [{f.Min}, {f.Max}]";

    static bool IsNullable(PropertyInfo p) =>
        Nullable.GetUnderlyingType(p.PropertyType) is not null
        || new NullabilityInfoContext().Create(p).WriteState == NullabilityState.Nullable;

    internal static Type? ListElement(Type t) =>
        t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) || t.GetGenericTypeDefinition() == typeof(List<>))
            ? t.GetGenericArguments()[0] : null;

    /// <summary>"in `train.optimizer`", or "at the top level" for the root.</summary>
    public static string In(string path) => path.Length == 0 ? "at the top level" : $"in `{path}`";

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
