using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Spec.Binding;

/// <summary>Binders for the map-shaped parts of a spec: `blocks:`, and a model's `set`, `replace`, `insert_*`, `remove` and `sweep`.</summary>
public static class EditBinders
{
    public static void Register(Binder binder)
    {
        binder.Register<IReadOnlyList<BlockSpec>>(Blocks);
        binder.Register<IReadOnlyList<FieldEdit>>(FieldEdits);
        binder.Register<IReadOnlyList<LayerEdit>>(LayerEdits);
        binder.Register<IReadOnlyList<LayerRef>>(Refs);
        binder.Register<IReadOnlyList<SweepAxis>>(Sweep);
        binder.Register<IReadOnlyList<TensorRename>>(Renames);
    }

    static IReadOnlyList<BlockSpec> Blocks(YNode node, string path, Binder b) =>
        Entries(node, path, b, "block names to layer lists, e.g. `blocks: { stage: [conv2d: { out: 16 }, relu] }`")
            .Select(e => new BlockSpec
            {
                Name = e.Key.Value, Where = e.Key.Where,
                Layers = Layers.Layers.Registry.BindList(e.Value, Binder.Join(path, e.Key.Value), b),
            }).ToList();

    static IReadOnlyList<FieldEdit> FieldEdits(YNode node, string path, Binder b) =>
        Entries(node, path, b, "`LAYER.FIELD: value`, e.g. `{ conv1.out: 16 }`")
            .Select(e => Path(e.Key, path, b) is { } p ? new FieldEdit(p, e.Value) : null)
            .OfType<FieldEdit>().ToList();

    static IReadOnlyList<LayerEdit> LayerEdits(YNode node, string path, Binder b) =>
        Entries(node, path, b, "`LAYER: new layer(s)`, e.g. `{ conv2: { conv2d: { out: 32 } } }`")
            .Select(e => new LayerEdit(new LayerRef(e.Key.Value, e.Key.Where), LayerList(e.Value, Binder.Join(path, e.Key.Value), b)))
            .ToList();

    static IReadOnlyList<LayerSpec> LayerList(YNode node, string path, Binder b) =>
        node is YSeq ? Layers.Layers.Registry.BindList(node, path, b)
        : Layers.Layers.Registry.BindOne(node, path, b) is { } one ? [one] : [];

    static IReadOnlyList<TensorRename> Renames(YNode node, string path, Binder b)
    {
        var renames = new List<TensorRename>();
        foreach (var e in Entries(node, path, b, "`SOURCE: TARGET` tensor names or layer prefixes, e.g. `{ features.0: conv1 }`"))
        {
            if (e.Value is YScalar { IsNull: false } to && to.Value.Trim().Length > 0 && e.Key.Value.Trim().Length > 0)
                renames.Add(new TensorRename(e.Key.Value, to.Value, e.Key.Where));
            else
                b.Diagnostics.Error("wrong-type", $"`{Binder.Join(path, e.Key.Value)}` must rename a tensor or layer to another name, not {e.Value.Describe()}",
                    e.Value.Where, "e.g. `map: { features.0: conv1 }`");
        }
        return renames;
    }

    static IReadOnlyList<LayerRef> Refs(YNode node, string path, Binder b)
    {
        var items = node is YSeq seq ? seq.Items : [node];
        var refs = new List<LayerRef>();
        foreach (var item in items)
        {
            if (item is YScalar { IsNull: false } s) refs.Add(new LayerRef(s.Value, s.Where));
            else b.Diagnostics.Error("wrong-type", $"`{path}` lists layers by name or index, not {item.Describe()}", item.Where,
                "e.g. `remove: [relu3, dropout1]`");
        }
        return refs;
    }

    static IReadOnlyList<SweepAxis> Sweep(YNode node, string path, Binder b)
    {
        var axes = new List<SweepAxis>();
        foreach (var e in Entries(node, path, b, "`LAYER.FIELD: [values]`, e.g. `{ conv1.out: [4, 8, 16] }`"))
        {
            if (Path(e.Key, path, b) is not { } p) continue;
            if (e.Value is not YSeq { Items.Count: > 0 } values)
                b.Diagnostics.Error("wrong-type", $"`{path}.{e.Key.Value}` must be a non-empty list of values to try, not {e.Value.Describe()}",
                    e.Value.Where, $"e.g. `{e.Key.Value}: [4, 8, 16]`");
            else axes.Add(new SweepAxis(p, values.Items, e.Key.Where));
        }
        return axes;
    }

    static IReadOnlyList<YEntry> Entries(YNode node, string path, Binder b, string expected)
    {
        if (node is YMap map) return map.Entries;
        b.Diagnostics.Error("wrong-type", $"`{path}` must be a mapping of {expected}; got {node.Describe()}", node.Where);
        return [];
    }

    /// <summary><c>conv1.out</c> → layer <c>conv1</c>, field <c>out</c>, with the column of each part.</summary>
    static FieldPath? Path(YScalar key, string path, Binder b)
    {
        int dot = key.Value.LastIndexOf('.');
        if (dot <= 0 || dot == key.Value.Length - 1)
        {
            b.Diagnostics.Error("bad-path", $"`{path}` key `{key.Value}` must be LAYER.FIELD", key.Where,
                "name a layer (or its 0-based index) and one of its fields, e.g. `conv1.out`");
            return null;
        }
        var fieldWhere = key.Where with { Column = key.Where.Column + dot + 1 };
        return new FieldPath(new LayerRef(key.Value[..dot], key.Where), key.Value[(dot + 1)..], fieldWhere);
    }
}
