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
        if (text.StartsWith('+') || text.StartsWith('~'))
        {
            diagnostics.Error("bad-set", $"`--set {text}` starts with `{text[0]}`, Hydra's syntax to {(text[0] == '+' ? "add" : "delete")} a key", At(line, 0),
                text[0] == '+' ? $"cnnexp's `--set KEY=VALUE` adds a key or replaces it: write `--set {text[1..]}`"
                    : "cnnexp cannot delete a key with `--set`; set it to its default, or edit the spec");
            return null;
        }
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
        if (Segments(text, eq, line, diagnostics) is not { } path) return null;
        if (HydraMultirun(text[(eq + 1)..]))
        {
            diagnostics.Error("bad-set", $"`--set {text}` gives several values; `--set` sets one", At(line, eq + 1),
                "a list is written in brackets (`seeds=[0,1,2]`); to train one variant per value, sweep a layer field: "
                + "`--set models.NAME.sweep.conv1.out=[8,16,32]` (Hydra's `-m a=1,2,3` multirun)");
            return null;
        }
        var value = ParseValue(text[(eq + 1)..], line, eq + 1, diagnostics);
        return value is null ? null : new Override(path, value, text);
    }

    /// <summary>
    /// KEY split at dots, each `[N]` its own segment (`layers[0].out` → layers, 0, out), as errors
    /// print paths; null (and a diagnostic) for an empty segment or an unclosed bracket.
    /// </summary>
    static List<Segment>? Segments(string text, int eq, int line, DiagnosticBag diagnostics)
    {
        var path = new List<Segment>();
        int i = 0;
        while (i < eq)
        {
            int start = i;
            if (text[i] == '[')
            {
                int close = text.IndexOf(']', i);
                if (close < 0 || close > eq || !int.TryParse(text.AsSpan(i + 1, close - i - 1), out _))
                    return Bad($"`--set {text}` has a `[` without a whole number and `]` after it", i, "index a list like `layers[0]` (0 is the first)");
                path.Add(new Segment(text[(i + 1)..close], At(line, i + 1)));
                i = close + 1;
            }
            else
            {
                int end = i;
                while (end < eq && text[end] is not ('.' or '[')) end++;
                if (end == i) return Bad($"`--set {text}` has an empty key segment", i, "separate keys with single dots: `train.optimizer.lr=0.01`");
                path.Add(new Segment(text[i..end], At(line, i)));
                i = end;
            }
            if (i < eq && text[i] == '.')
            {
                i++;
                if (i == eq) return Bad($"`--set {text}` has an empty key segment", i, "separate keys with single dots: `train.optimizer.lr=0.01`");
            }
        }
        return path;

        List<Segment>? Bad(string message, int column, string hint)
        {
            diagnostics.Error("bad-set", message, At(line, column), hint);
            return null;
        }
    }

    /// <summary>`1,2,3` unbracketed: Hydra's multirun, not a YAML value cnnexp can set.</summary>
    static bool HydraMultirun(string value)
    {
        string v = value.Trim();
        return v.Contains(',') && v.Length > 0 && v[0] is not ('[' or '{' or '"' or '\'');
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
        if (child is YSeq seq && int.TryParse(o.Path[depth + 1].Name, out int index))
            return IntoList(map, seg, seq, index, o, depth + 1, [.. parents, seg.Name], diagnostics);
        diagnostics.Error("bad-set", $"`{string.Join(".", parents.Append(seg.Name))}` is {child.Describe()}, not a mapping: `--set` cannot go inside it",
            seg.Where, child is YSeq ? $"set the whole list, e.g. `--set {string.Join(".", parents.Append(seg.Name))}=[...]`" : null);
        return map;
    }

    /// <summary>`seeds[1]=5` replaces an item; `data.augment[0].random_crop.padding=2` goes inside one.</summary>
    static YMap IntoList(YMap map, Segment seg, YSeq seq, int index, Override o, int depth, IReadOnlyList<string> parents, DiagnosticBag diagnostics)
    {
        var at = o.Path[depth];
        if (index < 0 || index >= seq.Items.Count)
        {
            diagnostics.Error("bad-set", $"`--set {o.Text}`: `{string.Join(".", parents)}` has {seq.Items.Count} item(s), so `[{index}]` is not one of them",
                at.Where, seq.Items.Count == 0 ? null : $"indices run from 0 to {seq.Items.Count - 1}");
            return map;
        }
        var items = seq.Items.ToList();
        if (depth == o.Path.Count - 1) items[index] = o.Value;
        else if (items[index] is YMap item) items[index] = Set(item, o, depth + 1, [.. parents, at.Name], diagnostics);
        else
        {
            diagnostics.Error("bad-set", $"`--set {o.Text}`: item {index} of `{string.Join(".", parents)}` is {items[index].Describe()}, not a mapping",
                at.Where, $"set the whole item: `--set {string.Join(".", parents)}[{index}]=...`");
            return map;
        }
        return map.With(seg.Name, seq with { Items = items }, seg.Where);
    }

    static bool IsModelMap(IReadOnlyList<string> parents) => parents is ["models", _];

    /// <summary><c>models.M.layers.conv1.out=16</c> → <c>models.M.set["conv1.out"] = 16</c> (likewise for <c>set</c> and <c>sweep</c>).</summary>
    static YMap IntoPathMap(YMap model, Override o, int depth, string key)
    {
        var rest = o.Path.Skip(depth + 1).ToList();
        if (key == "set" && rest.Count == 1) key = "replace";                 // `layers[2]=...` or `layers.conv2=...`: the whole layer
        if (rest.Count >= 3 && Layers.Layers.Registry.Find(rest[1].Name) is not null) rest.RemoveAt(1);
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
