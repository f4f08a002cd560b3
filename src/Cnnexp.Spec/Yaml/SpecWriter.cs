using System.Collections;
using System.Globalization;
using System.Text;
using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Transforms;

namespace Cnnexp.Spec.Yaml;

/// <summary>
/// Writes a spec back as YAML with every default filled in (spec.resolved.yaml). Reading the
/// output back gives an equal spec; layers and transforms are written one per line in flow style.
/// </summary>
public static class SpecWriter
{
    public static string Write(ExperimentSpec spec)
    {
        var sb = new StringBuilder();
        WriteFields(sb, spec, 0);
        return sb.ToString();
    }

    static void WriteFields(StringBuilder sb, object node, int indent)
    {
        foreach (var field in SpecFields.Of(node.GetType()))
        {
            var value = field.Property.GetValue(node);
            if (value is null) continue;
            string pad = new(' ', indent);
            switch (value)
            {
                case IReadOnlyList<ModelSpec> models:
                    sb.Append(pad).Append(field.Key).Append(":\n");
                    foreach (var m in models)
                    {
                        sb.Append(pad).Append("  ").Append(Scalar(m.Name)).Append(":\n");
                        WriteFields(sb, m, indent + 4);
                    }
                    break;
                case IReadOnlyList<BlockSpec> blocks:           // planned specs have none; a loaded one may (e.g. from `include`)
                    sb.Append(pad).Append(field.Key).Append(blocks.Count == 0 ? ": {}\n" : ":\n");
                    foreach (var b in blocks)
                        WriteKindList(sb, pad + "  ", Scalar(b.Name), b.Layers.Cast<SpecNode>().Select(l => (((LayerSpec)l).Kind, l)));
                    break;
                case IReadOnlyList<LayerSpec> layers:
                    WriteKindList(sb, pad, field.Key, layers.Cast<SpecNode>().Select(l => (((LayerSpec)l).Kind, l)));
                    break;
                case IReadOnlyList<TransformSpec> transforms:
                    WriteKindList(sb, pad, field.Key, transforms.Cast<SpecNode>().Select(t => (((TransformSpec)t).Kind, t)));
                    break;
                case IReadOnlyList<Augmentations.AugmentSpec> augment:
                    WriteKindList(sb, pad, field.Key, augment.Cast<SpecNode>().Select(a => (((Augmentations.AugmentSpec)a).Kind, a)));
                    break;
                case SpecNode child:
                    sb.Append(pad).Append(field.Key).Append(":\n");
                    WriteFields(sb, child, indent + 2);
                    break;
                default:
                    sb.Append(pad).Append(field.Key).Append(": ").Append(Flow(value)).Append('\n');
                    break;
            }
        }
    }

    static void WriteKindList(StringBuilder sb, string pad, string key, IEnumerable<(string Kind, SpecNode Node)> items)
    {
        var list = items.ToList();
        if (list.Count == 0) { sb.Append(pad).Append(key).Append(": []\n"); return; }
        sb.Append(pad).Append(key).Append(":\n");
        foreach (var (kind, node) in list)
        {
            string args = InlineFields(node);
            sb.Append(pad).Append("  - ").Append(kind).Append(args.Length == 0 ? "" : $": {{ {args} }}").Append('\n');
        }
    }

    /// <summary>The fields of a small record as <c>a: 1, b: 2</c>.</summary>
    public static string InlineFields(object node) => string.Join(", ",
        SpecFields.Of(node.GetType())
            .Select(f => (f.Key, Value: f.Property.GetValue(node)))
            .Where(x => x.Value is not null)
            .Select(x => $"{x.Key}: {Flow(x.Value!)}"));

    public static string Flow(object value) => value switch
    {
        string s => Scalar(s),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e"),
        IFormattable f when value is int or long => f.ToString(null, CultureInfo.InvariantCulture),
        Enum e => Naming.SnakeCase(e.ToString()),
        IntPair p => p.IsSquare ? p.H.ToString(CultureInfo.InvariantCulture) : $"[{p.H}, {p.W}]",
        Padding p => p.Same ? "same" : Flow(p.Size),
        SeedSchedule { Adaptive: { } a } => Flow(a),
        SeedSchedule seeds => Flow(seeds.Fixed),
        Scripts.ScriptArgs a => a.ToFlow(),
        IReadOnlyList<TensorRename> renames => "{ " + string.Join(", ", renames.Select(r => $"{Scalar(r.From)}: {Scalar(r.To)}")) + " }",
        LayerSpec l => KindItem(l.Kind, l),
        TransformSpec t => KindItem(t.Kind, t),
        SpecNode n => $"{{ {InlineFields(n)} }}",
        IEnumerable list => "[" + string.Join(", ", list.Cast<object>().Select(Flow)) + "]",
        _ => Scalar(value.ToString() ?? ""),
    };

    /// <summary>A layer or transform inside a flow list: <c>relu</c> or <c>conv2d: { out: 8 }</c>.</summary>
    static string KindItem(string kind, SpecNode node) => InlineFields(node) is { Length: > 0 } args ? $"{kind}: {{ {args} }}" : kind;

    /// <summary>Quotes strings that YAML would otherwise read as another type or misparse.</summary>
    static string Scalar(string s)
    {
        bool plain = s.Length > 0 && s.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ' ')
                     && !char.IsWhiteSpace(s[0]) && !char.IsWhiteSpace(s[^1]) && s[0] != '-'
                     && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                     && s is not ("true" or "false" or "null" or "~" or "yes" or "no");
        return plain ? s : "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }
}
