using System.Text.Json;
using System.Text.Json.Nodes;
using Cnnexp.Spec.Docs;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Transforms;

namespace Cnnexp.Spec.Tests;

/// <summary>The JSON Schema, docs/spec-reference.md and `cnnexp new`'s starter spec, all generated from the declarations.</summary>
public class GeneratedDocsTests
{
    [Fact]
    public void Reference_doc_is_up_to_date()
    {
        Golden.Check(Repo.Path("docs", "spec-reference.md"), ReferenceGenerator.Generate(), ReferenceGenerator.RegenerateCommand);
    }

    [Fact]
    public void Reference_documents_every_kind_and_field()
    {
        string doc = ReferenceGenerator.Generate();
        foreach (var k in Layers.Layers.Registry.All.Concat(Transforms.Transforms.Registry.All).Concat(Augmentations.Augmentations.Registry.All))
        {
            Assert.Contains($"### {k.Name}\n\n{k.Description}", doc);
            foreach (var f in k.Fields.Where(f => f.Key != "name")) Assert.Contains($"| `{f.Key}` |", doc);
        }
    }

    [Fact]
    public void Schema_is_valid_json_and_covers_every_kind_with_its_fields()
    {
        var schema = JsonNode.Parse(SchemaGenerator.Generate())!.AsObject();
        Assert.Equal("http://json-schema.org/draft-07/schema#", (string?)schema["$schema"]);
        Assert.Equal(["name"], Required(schema).Except(["models"]));
        foreach (var (family, registry) in new[] { ("layer", Layers.Layers.Registry.All), ("transform", Transforms.Transforms.Registry.All) })
        {
            var options = schema["definitions"]![family]!["anyOf"]!.AsArray();
            foreach (var kind in registry)
            {
                var option = options.Single(o => o!["properties"]?[kind.Name] is not null)!;
                string text = option.ToJsonString();
                foreach (var f in kind.Fields) Assert.Contains($"\"{f.Key}\":", text);
                Assert.Contains(kind.Description.Replace("\"", "\\u0022")[..20], text.Replace("\\u0027", "'").Replace("\\u0060", "`"));
            }
        }
        var conv = schema["definitions"]!["layer"]!["anyOf"]!.AsArray().Single(o => o!["properties"]?["conv2d"] is not null)!;
        var settings = conv["properties"]!["conv2d"]!;
        Assert.Equal(1.0, (double)settings["properties"]!["out"]!["minimum"]!);
        Assert.Equal(["out"], settings["required"]!.AsArray().Select(n => (string)n!));
        Assert.False((bool)settings["additionalProperties"]!);
    }

    [Fact]
    public void Schema_accepts_the_shipped_experiments_keys()
    {
        // Every top-level and model key used by the shipped experiments is a declared property.
        var schema = JsonNode.Parse(SchemaGenerator.Generate())!;
        var top = schema["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
        var model = schema["definitions"]!["model"]!["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
        foreach (var file in Directory.GetFiles(Repo.Path("experiments"), "*.yaml"))
        {
            var root = (Cnnexp.Spec.Yaml.YMap)Cnnexp.Spec.Yaml.YamlReader.Read(File.ReadAllText(file), file, new())!;
            Assert.All(root.Entries, e => Assert.Contains(e.Key.Value, top));
            foreach (var m in ((Cnnexp.Spec.Yaml.YMap)root["models"]!).Entries)
                Assert.All(((Cnnexp.Spec.Yaml.YMap)m.Value).Entries, e => Assert.Contains(e.Key.Value, model));
        }
    }

    [Fact]
    public void Starter_spec_is_valid_and_plans_two_models()
    {
        var plan = SpecHelpers.Plan(StarterSpec.Text("mystudy"));
        Assert.Equal("mystudy", plan.Spec.Name);
        Assert.Equal(["baseline", "gray"], plan.Models.Select(m => m.Name));
        Assert.Equal(1, plan.Model("gray").Layers[0].Input.C);
    }

    [Fact]
    public void Starter_specs_commented_examples_are_valid_too()
    {
        string uncommented = StarterSpec.Text("s")
            .Replace("  # wider:", "  wider:").Replace("  #   ", "    ").Replace("  # sweep_width:", "  sweep_width:")
            .Replace("  # normalize:", "  normalize:").Replace("  # augment:", "  augment:");
        var plan = SpecHelpers.Plan(uncommented);
        Assert.Equal(6, plan.Models.Count);
        Assert.NotNull(plan.Spec.Data.Normalize);
        Assert.Equal(2, plan.Spec.Data.Augment!.Count);
    }

    static IEnumerable<string> Required(JsonObject o) => o["required"]!.AsArray().Select(n => (string)n!);
}
