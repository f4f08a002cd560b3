using System.Globalization;
using Cnnexp.Spec.Augmentations;
using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Transforms;

namespace Cnnexp.Spec.Docs;

/// <summary>A field's type in words for the reference: "integer ≥ 1", "number in [0, 1]", "one of `adam`, `sgd`".</summary>
public static class TypeText
{
    public static string Of(SpecField f) => Describe(f.Property.PropertyType, f.Attribute);

    static string Describe(Type type, FieldAttribute a)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(int) || type == typeof(long)) return "integer" + Range(a);
        if (type == typeof(double)) return "number" + Range(a);
        if (type == typeof(bool)) return "`true` / `false`";
        if (type == typeof(string))
            return a.Allowed is { } allowed ? "one of " + string.Join(", ", allowed.Select(v => $"`{v}`")) : a.Pattern is not null ? "name" : "text";
        if (type == typeof(IntPair)) return "integer or `[h, w]`" + Range(a);
        if (type == typeof(Padding)) return "integer, `[h, w]`, `same` or `valid`";
        if (type == typeof(SeedSchedule)) return "list of integers, or an [adaptive schedule](#seeds-adaptive)";
        if (type.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(type).Select(n => $"`{Naming.SnakeCase(n)}`"));
        if (type == typeof(IReadOnlyList<LayerSpec>)) return "list of [layers](#layers)";
        if (type == typeof(IReadOnlyList<TransformSpec>)) return "list of [input transforms](#input-transforms)";
        if (type == typeof(IReadOnlyList<AugmentSpec>)) return "list of [augmentations](#data-augmentations)";
        if (type == typeof(IReadOnlyList<ModelSpec>)) return "map of name to [model](#modelsname)";
        if (type == typeof(IReadOnlyList<BlockSpec>)) return "map of name to list of [layers](#layers)";
        if (type == typeof(IReadOnlyList<FieldEdit>)) return "map of `LAYER.FIELD` to value";
        if (type == typeof(IReadOnlyList<SweepAxis>)) return "map of `LAYER.FIELD` to list of values";
        if (type == typeof(IReadOnlyList<LayerEdit>)) return "map of `LAYER` to layer(s)";
        if (type == typeof(IReadOnlyList<TensorRename>)) return "map of source name to model name";
        if (type == typeof(IReadOnlyList<LayerRef>)) return "list of `LAYER`";
        if (type == typeof(Scripts.ScriptArgs)) return "mapping: whatever the script reads ([hooks](hooks.md#args))";
        if (type == typeof(IReadOnlyList<Scripts.HookPath>)) return "list of `.csx` paths ([hooks](hooks.md))";
        if (Binder.ListElement(type) is { } element) return "list of " + Describe(element, a);
        if (typeof(SpecNode).IsAssignableFrom(type)) return "mapping";
        return type.Name;
    }

    static string Range(FieldAttribute a) => (double.IsNaN(a.Min), double.IsNaN(a.Max)) switch
    {
        (false, false) => $" in [{N(a.Min)}, {N(a.Max)}]",
        (false, true) => $" ≥ {N(a.Min)}",
        (true, false) => $" ≤ {N(a.Max)}",
        _ => "",
    };

    static string N(double d) => d.ToString("G", CultureInfo.InvariantCulture);
}
