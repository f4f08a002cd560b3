using System.Text;
using Cnnexp.Spec.Augmentations;
using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Datasets;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Transforms;

namespace Cnnexp.Spec.Docs;

/// <summary>
/// docs/spec-reference.md, generated from the field and kind declarations (the same ones the
/// binder and the JSON Schema read), so the reference cannot drift from the code.
/// </summary>
public static class ReferenceGenerator
{
    public const string RegenerateCommand = "dotnet run --project src/Cnnexp.Cli -- schema --markdown -o docs/spec-reference.md";

    public static string Generate()
    {
        var sb = new StringBuilder();
        sb.Append("# Spec reference\n\n")
          .Append("<!-- Generated from the [Field] and [Kind] declarations in src/Cnnexp.Spec; do not edit by hand.\n")
          .Append($"     Regenerate: {RegenerateCommand}\n")
          .Append("     (tests/Cnnexp.Spec.Tests fails while this file is stale.) -->\n\n")
          .Append("Every key below is checked: an unknown key, a wrong type or a value out of range is an error\n")
          .Append("that points at its line. `cnnexp schema` writes the same information as a JSON Schema for\n")
          .Append("editor completion (see [spec-editor.md](spec-editor.md)).\n\n")
          .Append("`cnnexp check SPEC` reports every problem of a file in one pass as `file:line:col: error: message`, the\n")
          .Append("line, a caret and a hint, and exits 2 (nothing is trained); it exits 0 for a valid spec, also when it\n")
          .Append("prints warnings (a variant identical to another model, an unused block).\n\n");
        var sections = Sections();
        foreach (var (title, type) in sections)
        {
            Section(sb, title, type, sections);
            if (type == typeof(ModelSpec)) sb.Append(VariantsText);
            if (type == typeof(ExperimentSpec)) sb.Append(IncludeText);
        }
        Family(sb, "Layers", Layers.Layers.Registry, LayersText);
        Family(sb, "Input transforms", Transforms.Transforms.Registry,
            "Listed under a model's `input:`; applied to every batch before the first layer, in training and evaluation.\n" +
            "Each changes the planned input shape, so the first layer's input channels are inferred from it.\n");
        Family(sb, "Data augmentations", Augmentations.Augmentations.Registry,
            "Listed under `data: augment:`; applied to training images only, in order.\n");
        Datasets(sb);
        return sb.ToString().TrimEnd() + "\n";
    }

    const string IncludeText = """
        `include:` shares layer stacks between specs: each listed file (itself a spec fragment holding
        `blocks`, `models` and `train` only, and maybe its own `include`) is merged in first, in order, and
        the including file wins: a block or model of the same name replaces the included one whole, and
        `train` merges key by key. Paths are relative to the folder of the file that names them and must
        stay inside the folder of the spec you run (no absolute paths, no `..` out of it, symbolic links
        followed); a cycle, a missing file, more than 16 files deep or 100 in all is an error at the
        `include` line. Mistakes inside an included file are reported at their line in that file. Script
        paths in an included model are relative to the spec you run, like its own. `--set` reaches
        included keys too, and spec.resolved.yaml holds the merged result, with no `include`.


        """;

    const string VariantsText = """
        Edits (`set`, `replace`, `insert_before`, `insert_after`, `remove`) address the layers the model
        starts from, by name or 0-based index, and are all resolved against that starting stack, so their
        order does not matter. Two edits of the same layer that contradict each other (e.g. `replace` and
        `remove`) are an error. Inherited layers keep their names, and new layers get the next free number,
        so `conv1` means the same layer in every variant; a single unnamed replacement of the same kind
        keeps the name of the layer it replaces.

        A `sweep` turns the model into one variant per combination of values, named
        `MODEL[LAYER.FIELD=VALUE]...` in the order the keys are written. A model that extends a swept model
        starts from its layers before the sweep; the sweep itself is not inherited.

        On the command line, `--set KEY=VALUE` (repeatable) overrides any key by its dotted path, with the
        value written as YAML and checked exactly like the file: `--set train.epochs=2`,
        `--set data.limit=500`, `--set seeds=[0,1]`, `--set models.standard.layers.conv1.out=16` (the
        same as `set: { conv1.out: 16 }` in that model).


        """;

    const string LayersText = """
        Written one per line under `layers:` as `- name` or `- name: { settings }`; kinds marked with a
        shorthand also accept a bare value (`- dropout: 0.3`). Input sizes (`in`) are always inferred from
        the shape arriving at the layer; write `in` only to assert it. Each layer's output shape,
        parameters and multiply-accumulates (MACs, per image) are computed by arithmetic; `cnnexp inspect`
        prints them. MACs count convolutions, linear layers and batch norm (one per value, as folded for
        inference); activations, pooling, dropout and a residual's addition count none.
        Every layer also takes `name:` (a letter or `_`, then letters, digits, `_`), used by `inspect`,
        edits, sweeps and parameter names; on `block` and `repeat` it prefixes the names given inside.
        Unnamed layers are called by their kind without `2d`/`1d` and a number per kind: `conv1`, `relu2`,
        `maxpool1`, `batchnorm1`, `residual1`.

        """;

    /// <summary>
    /// Every mapping a spec can hold, found by walking the declared fields from the top level, each
    /// under the first path that reaches it (`train` is documented once, not again under `models.NAME`).
    /// </summary>
    static List<(string Title, Type Type)> Sections()
    {
        var sections = new List<(string, Type)>();
        void Walk(string title, string path, Type type)
        {
            if (sections.Exists(s => s.Item2 == type)) return;
            sections.Add((title, type));
            foreach (var f in SpecFields.Of(type))
            {
                var t = Nullable.GetUnderlyingType(f.Property.PropertyType) ?? f.Property.PropertyType;
                string child = path.Length == 0 ? f.Key : $"{path}.{f.Key}";
                if (t == typeof(IReadOnlyList<ModelSpec>)) Walk($"`{child}.NAME`", $"{child}.NAME", typeof(ModelSpec));
                else if (t == typeof(SeedSchedule)) Walk($"`{child}` (adaptive)", child, typeof(AdaptiveSeeds));
                else if (typeof(SpecNode).IsAssignableFrom(t) && !t.IsAbstract) Walk($"`{child}`", child, t);
            }
        }
        Walk("Top level", "", typeof(ExperimentSpec));
        return sections;
    }

    /// <summary>GitHub's anchor for a heading: lower case, punctuation other than `-` and `_` dropped, spaces as `-`.</summary>
    public static string Anchor(string title) =>
        new string(title.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ').ToArray()).Replace(' ', '-');

    static void Section(StringBuilder sb, string title, Type type, List<(string Title, Type Type)> sections)
    {
        sb.Append($"## {title}\n\n");
        if (type.GetCustomAttributes(typeof(SectionAttribute), false).FirstOrDefault() is SectionAttribute s) sb.Append(s.Description).Append("\n\n");
        if (type == typeof(Normalize)) sb.Append("The same settings as the [`normalize`](#normalize) input transform.\n\n");
        FieldTable(sb, type, links: sections.ToDictionary(x => x.Type, x => $"[{x.Title}](#{Anchor(x.Title)})"));
    }

    static void Family<T>(StringBuilder sb, string title, KindRegistry<T> registry, string intro) where T : SpecNode
    {
        sb.Append($"## {title}\n\n").Append(intro).Append('\n');
        sb.Append(string.Join(" · ", registry.All.Select(k => $"[`{k.Name}`](#{k.Name})"))).Append("\n\n");
        foreach (var k in registry.All)
        {
            sb.Append($"### {k.Name}\n\n").Append(k.Description).Append("\n\n");
            if (k.Shorthand is { } s) sb.Append($"Shorthand: `- {k.Name}: VALUE` sets `{s}`.\n\n");
            FieldTable(sb, k.Type, skip: "name");
        }
    }

    static void FieldTable(StringBuilder sb, Type type, string? skip = null, IReadOnlyDictionary<Type, string>? links = null)
    {
        var fields = SpecFields.Of(type).Where(f => f.Key != skip).ToList();
        if (fields.Count == 0) { sb.Append("No settings.\n\n"); return; }
        sb.Append("| key | type | default | description |\n|---|---|---|---|\n");
        foreach (var f in fields)
        {
            string def = f.Attribute.Required ? "**required**" : FieldDefaults.Text(type, f) is { } d ? $"`{d}`" : "—";
            var t = Nullable.GetUnderlyingType(f.Property.PropertyType) ?? f.Property.PropertyType;
            string typeText = links is not null && links.TryGetValue(t, out var link) ? link : TypeText.Of(f);
            sb.Append($"| `{f.Key}` | {typeText} | {def} | {f.Attribute.Description.Replace("|", "\\|")} |\n");
        }
        sb.Append('\n');
    }

    static void Datasets(StringBuilder sb)
    {
        sb.Append("## Data sets\n\n| name | image | classes | description |\n|---|---|---|---|\n");
        foreach (var d in DatasetCatalog.All)
            sb.Append($"| `{d.Name}` | {d.ImageShape} | {d.ClassCount} | {d.Description} |\n");
        sb.Append('\n');
    }
}
