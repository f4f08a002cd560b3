using System.Text.Json;
using System.Text.Json.Nodes;
using Cnnexp.Spec.Augmentations;
using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Transforms;

namespace Cnnexp.Spec.Docs;

/// <summary>
/// The JSON Schema (draft-07, what VS Code's YAML extension reads best) of a spec file, generated
/// from the same <see cref="FieldAttribute"/> and <see cref="KindAttribute"/> declarations the binder uses.
/// </summary>
public static class SchemaGenerator
{
    public static string Generate() => Build().ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    public static JsonObject Build()
    {
        var root = ObjectSchema(typeof(ExperimentSpec));
        root.Insert(0, "$schema", "http://json-schema.org/draft-07/schema#");
        root.Insert(1, "$id", "urn:cnnexp:spec");
        root.Insert(2, "title", "cnnexp experiment spec");
        root["definitions"] = new JsonObject
        {
            ["model"] = ObjectSchema(typeof(ModelSpec)),
            ["layer"] = KindSchema(Layers.Layers.Registry),
            ["transform"] = KindSchema(Transforms.Transforms.Registry),
            ["augmentation"] = KindSchema(Augmentations.Augmentations.Registry),
        };
        return root;
    }

    static JsonObject ObjectSchema(Type type)
    {
        var properties = new JsonObject();
        foreach (var f in SpecFields.Of(type))
            properties[f.Key] = FieldSchema(type, f);
        var schema = new JsonObject { ["type"] = "object" };
        if (Description(type) is { } d) schema["description"] = d;
        schema["properties"] = properties;
        var required = SpecFields.Of(type).Where(f => f.Attribute.Required).Select(f => (JsonNode)f.Key!).ToArray();
        if (required.Length > 0) schema["required"] = new JsonArray(required);
        schema["additionalProperties"] = false;
        return schema;
    }

    static JsonObject FieldSchema(Type owner, SpecField f)
    {
        var schema = TypeSchema(f.Property.PropertyType, f.Attribute);
        schema.Remove("description");                       // the field's own words win over its section's
        schema.Insert(0, "description", f.Attribute.Description);
        if (FieldDefaults.Value(owner, f) is { } value && Json(value) is { } json) schema["default"] = json;
        return schema;
    }

    static JsonObject TypeSchema(Type type, FieldAttribute? a)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(int) || type == typeof(long)) return Limits(new JsonObject { ["type"] = "integer" }, a);
        if (type == typeof(double)) return Limits(new JsonObject { ["type"] = "number" }, a);
        if (type == typeof(bool)) return new JsonObject { ["type"] = "boolean" };
        if (type == typeof(string)) return StringSchema(a);
        if (type == typeof(IntPair)) return OneOf(Limits(new JsonObject { ["type"] = "integer" }, a), Pair(a));
        if (type == typeof(Padding))
            return OneOf(Limits(new JsonObject { ["type"] = "integer" }, a), Pair(a), new JsonObject { ["enum"] = new JsonArray("same", "valid") });
        if (type == typeof(SeedSchedule))
            return OneOf(ArrayOf(new JsonObject { ["type"] = "integer", ["minimum"] = 0 }), ObjectSchema(typeof(AdaptiveSeeds)));
        if (type.IsEnum) return new JsonObject { ["enum"] = new JsonArray(Enum.GetNames(type).Select(n => (JsonNode)Naming.SnakeCase(n)!).ToArray()) };
        if (type == typeof(IReadOnlyList<LayerSpec>)) return ArrayOf(Ref("layer"));
        if (type == typeof(IReadOnlyList<TransformSpec>)) return ArrayOf(Ref("transform"));
        if (type == typeof(IReadOnlyList<AugmentSpec>)) return ArrayOf(Ref("augmentation"));
        if (type == typeof(IReadOnlyList<ModelSpec>)) return MapOf(Ref("model"));
        if (type == typeof(IReadOnlyList<BlockSpec>)) return MapOf(ArrayOf(Ref("layer")));
        if (type == typeof(IReadOnlyList<FieldEdit>)) return PathMap(new JsonObject());
        if (type == typeof(IReadOnlyList<SweepAxis>)) return PathMap(new JsonObject { ["type"] = "array", ["minItems"] = 1 });
        if (type == typeof(IReadOnlyList<LayerEdit>)) return MapOf(OneOf(Ref("layer"), ArrayOf(Ref("layer"))));
        if (type == typeof(IReadOnlyList<TensorRename>)) return MapOf(new JsonObject { ["type"] = "string", ["minLength"] = 1 });
        if (type == typeof(IReadOnlyList<LayerRef>)) return ArrayOf(new JsonObject { ["type"] = new JsonArray("string", "integer") });
        if (type == typeof(Scripts.ScriptArgs)) return new JsonObject { ["type"] = "object" };             // whatever the script reads
        if (type == typeof(Scripts.HookPath)) return new JsonObject { ["type"] = "string", ["minLength"] = 1 };
        if (Binder.ListElement(type) is { } element) return ArrayOf(TypeSchema(element, a));
        if (typeof(SpecNode).IsAssignableFrom(type)) return ObjectSchema(type);
        throw new InvalidOperationException($"no schema rule for {type.Name}");
    }

    /// <summary>A list item of one family: a bare name (kinds needing no settings) or a one-key mapping `name: settings`.</summary>
    static JsonObject KindSchema<T>(KindRegistry<T> registry) where T : SpecNode
    {
        var bare = registry.All.Where(k => !k.Fields.Any(f => f.Attribute.Required)).Select(k => (JsonNode)k.Name!).ToArray();
        var options = new List<JsonNode> { new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(bare) } };
        foreach (var k in registry.All)
        {
            var settings = ObjectSchema(k.Type);
            settings["description"] = k.Description;
            JsonNode args = k.Shorthand is { } s ? OneOf(settings, FieldSchema(k.Type, k.Fields.Single(f => f.Key == s))) : settings;
            if (!k.Fields.Any(f => f.Attribute.Required)) args = OneOf((JsonObject)args, new JsonObject { ["type"] = "null" });
            options.Add(new JsonObject
            {
                ["type"] = "object", ["description"] = k.Description,
                ["properties"] = new JsonObject { [k.Name] = args },
                ["required"] = new JsonArray(k.Name), ["additionalProperties"] = false,
            });
        }
        return new JsonObject { ["description"] = $"One {registry.Family}: `- name` or `- name: {{ settings }}`.", ["anyOf"] = new JsonArray([.. options]) };
    }

    static JsonObject StringSchema(FieldAttribute? a)
    {
        var s = new JsonObject { ["type"] = "string" };
        if (a?.Allowed is { } allowed) s["enum"] = new JsonArray(allowed.Select(v => (JsonNode)v!).ToArray());
        if (a?.Pattern is { } p) s["pattern"] = $"^(?:{p})$";
        return s;
    }

    static JsonObject Limits(JsonObject s, FieldAttribute? a)
    {
        if (a is not null && !double.IsNaN(a.Min)) s["minimum"] = a.Min;
        if (a is not null && !double.IsNaN(a.Max)) s["maximum"] = a.Max;
        return s;
    }

    static JsonObject Pair(FieldAttribute? a) => new()
    {
        ["type"] = "array", ["items"] = Limits(new JsonObject { ["type"] = "integer" }, a), ["minItems"] = 2, ["maxItems"] = 2,
    };

    static JsonObject OneOf(params JsonObject[] options) => new() { ["oneOf"] = new JsonArray(options) };
    static JsonObject ArrayOf(JsonObject items) => new() { ["type"] = "array", ["items"] = items };
    static JsonObject MapOf(JsonObject values) => new() { ["type"] = "object", ["additionalProperties"] = values };
    static JsonObject Ref(string name) => new() { ["$ref"] = $"#/definitions/{name}" };

    static JsonObject PathMap(JsonObject values) => new()
    {
        ["type"] = "object", ["propertyNames"] = new JsonObject { ["pattern"] = @"^[^.]+\.[a-z_]+$" }, ["additionalProperties"] = values,
    };

    static string? Description(Type type) =>
        type.GetCustomAttributes(typeof(SectionAttribute), false).Cast<SectionAttribute>().FirstOrDefault()?.Description;

    static JsonNode? Json(object value) => value switch
    {
        int i => i, long l => l, double d => d, bool b => b, string s => s,
        Enum e => Naming.SnakeCase(e.ToString()),
        IntPair p when p.IsSquare => p.H,
        IntPair p => new JsonArray(p.H, p.W),
        Padding { Same: true } => "same",
        Padding p => Json(p.Size),
        IReadOnlyList<int> list => new JsonArray(list.Select(i => (JsonNode)i!).ToArray()),
        SeedSchedule { Adaptive: null } seeds => Json(seeds.Fixed),
        _ => null,
    };
}
