using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Diagnostics;

namespace Cnnexp.Spec.Yaml;

/// <summary>
/// Command-line overrides <c>--set KEY=VALUE</c>, applied to the YAML tree before binding so each value
/// is type-checked exactly like the file. KEY is a dotted path (<c>train.epochs</c>); under a model,
/// <c>layers.LAYER.FIELD</c> becomes a <c>set:</c> edit (<c>models.standard.layers.conv1.out=16</c>).
/// VALUE is YAML: <c>2</c>, <c>adam</c>, <c>[0, 1, 2]</c>, <c>{ type: sgd, lr: 0.1 }</c>.
/// Diagnostics point into the pseudo-file <c>--set</c>, one line per override.
/// </summary>
public static class Overrides
{
    public const string File = "--set";
    const string Prefix = "--set ";

    /// <summary>The text quoted in diagnostics: one line per override, as typed.</summary>
    public static string SourceText(IReadOnlyList<string> overrides) => string.Join("\n", overrides.Select(o => Prefix + o));

    public static YNode Apply(YNode root, IReadOnlyList<string> overrides, DiagnosticBag diagnostics)
    {
        for (int i = 0; i < overrides.Count; i++)
        {
            if (root is not YMap map) return root;
            if (Parse(overrides[i], i + 1, diagnostics) is { } o) root = Set(map, o, 0, [], diagnostics);
        }
        return root;
    }

    sealed record Segment(string Name, SourceSpan Where);
    sealed record Override(IReadOnlyList<Segment> Path, YNode Value, string Text);

    static Override? Parse(string text, int line, DiagnosticBag diagnostics)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0)
        {
            diagnostics.Error("bad-set", $"`--set {text}` must be KEY=VALUE", At(line, 0), "e.g. `--set train.epochs=2` or `--set models.standard.layers.conv1.out=16`");
            return null;
        }
        if (text.AsSpan(0, eq).Count('.') >= Limits.SpecLimits.MaxKeySegments)
        {
            diagnostics.Error("bad-set", $"`--set` key has more than {Limits.SpecLimits.MaxKeySegments} dot-separated parts", At(line, 0),
                "a spec key is a few parts deep, e.g. `train.optimizer.lr=0.01`");
            return null;
        }
        var path = new List<Segment>();
        int start = 0;
        foreach (var name in text[..eq].Split('.'))
        {
            if (name.Length == 0)
            {
                diagnostics.Error("bad-set", $"`--set {text}` has an empty key segment", At(line, start), "separate keys with single dots: `train.optimizer.lr=0.01`");
                return null;
            }
            path.Add(new Segment(name, At(line, start)));
            start += name.Length + 1;
        }
        var value = ParseValue(text[(eq + 1)..], line, eq + 1, diagnostics);
        return value is null ? null : new Override(path, value, text);
    }

    static YNode? ParseValue(string text, int line, int column, DiagnosticBag diagnostics)
    {
        var local = new DiagnosticBag();
        var node = YamlReader.Read(text, File, local);
        foreach (var d in local.Items) diagnostics.Add(d with { Where = Shift(d.Where, line, column) });
        if (node is YMap { Entries.Count: 0 } && text.Trim().Length == 0) node = new YScalar("", false, At(line, column));
        return node is null ? null : Shift(node, line, column);
    }

    static YMap Set(YMap map, Override o, int depth, IReadOnlyList<string> parents, DiagnosticBag diagnostics)
    {
        var seg = o.Path[depth];
        bool last = depth == o.Path.Count - 1;
        if (!last && IsModelMap(parents) && seg.Name is "layers" or "set" or "sweep")
            return IntoPathMap(map, o, depth, seg.Name == "sweep" ? "sweep" : "set");
        if (last) return map.With(seg.Name, o.Value, seg.Where);
        var child = map[seg.Name];
        if (child is null && parents is ["models"])
        {
            diagnostics.Error("unknown-model", $"`--set {o.Text}` names model `{seg.Name}`, which is not defined", seg.Where,
                Suggest.DidYouMean(seg.Name, map.Entries.Select(e => e.Key.Value).ToList()));
            return map;
        }
        if (child is null or YMap)
            return map.With(seg.Name, Set(child as YMap ?? new YMap([], seg.Where), o, depth + 1, [.. parents, seg.Name], diagnostics), seg.Where);
        diagnostics.Error("bad-set", $"`{string.Join(".", parents.Append(seg.Name))}` is {child.Describe()}, not a mapping: `--set` cannot go inside it",
            seg.Where, child is YSeq ? $"set the whole list, e.g. `--set {string.Join(".", parents.Append(seg.Name))}=[...]`" : null);
        return map;
    }

    static bool IsModelMap(IReadOnlyList<string> parents) => parents is ["models", _];

    /// <summary><c>models.M.layers.conv1.out=16</c> → <c>models.M.set["conv1.out"] = 16</c> (likewise for <c>set</c> and <c>sweep</c>).</summary>
    static YMap IntoPathMap(YMap model, Override o, int depth, string key)
    {
        var rest = o.Path.Skip(depth + 1).ToList();
        var keyNode = new YScalar(string.Join(".", rest.Select(s => s.Name)), false, rest[0].Where);
        var edits = model[key] as YMap ?? new YMap([], o.Path[depth].Where);
        return model.With(key, edits.With(keyNode.Value, o.Value, keyNode.Where), o.Path[depth].Where);
    }

    static SourceSpan At(int line, int offset) => new(File, line, Prefix.Length + offset + 1);

    static SourceSpan? Shift(SourceSpan? where, int line, int column) =>
        where is null ? null : new SourceSpan(File, line, Prefix.Length + column + where.Column);

    static YNode Shift(YNode node, int line, int column) => node switch
    {
        YScalar s => s with { Where = Shift(s.Where, line, column)! },
        YSeq q => new YSeq(q.Items.Select(i => Shift(i, line, column)).ToList(), Shift(q.Where, line, column)!),
        YMap m => new YMap(m.Entries.Select(e => new YEntry((YScalar)Shift(e.Key, line, column), Shift(e.Value, line, column))).ToList(),
            Shift(m.Where, line, column)!),
        _ => node,
    };
}
