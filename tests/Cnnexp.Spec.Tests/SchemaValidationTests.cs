using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cnnexp.Spec.Docs;
using Cnnexp.Spec.Yaml;
using Json.Schema;

namespace Cnnexp.Spec.Tests;

/// <summary>
/// The generated JSON Schema, run by a real validator over YAML converted the way an editor's YAML
/// extension converts it: it must accept every valid spec (no false squiggles in the editor) and
/// reject the mistakes it can see without shape arithmetic.
/// </summary>
public class SchemaValidationTests
{
    static readonly JsonSchema Schema = JsonSchema.FromText(SchemaGenerator.Generate());

    public static TheoryData<string> Experiments =>
        new(Directory.GetFiles(Repo.Path("experiments"), "*.yaml").Select(Path.GetFileName).Order()!);

    [Theory, MemberData(nameof(Experiments))]
    public void Schema_accepts_every_shipped_experiment(string file)
    {
        var result = Validate(File.ReadAllText(Repo.Path("experiments", file)));
        Assert.True(result.IsValid, Errors(result));
    }

    [Fact]
    public void Schema_accepts_the_starter_spec_and_every_layer_in_shorthand_and_long_form()
    {
        Assert.True(Validate(StarterSpec.Text("s")).IsValid);
        var result = Validate("""
            name: t
            blocks: { b: [relu, conv2d: { out: 1, padding: same }] }
            models:
              a:
                input: [channel_sum, channel_select: [0], channel_permute: { order: [0] }, normalize: { mean: [0], std: [1] }]
                layers:
                  - conv2d: { name: c, out: 8, kernel: [3, 5], stride: 1, padding: valid, dilation: 1, groups: 1, bias: false, in: 3 }
                  - block: b
                  - block: { use: b, name: p }
                  - repeat: { times: 2, layers: [relu] }
                  - residual: [relu]
                  - residual: { layers: [gelu: tanh] }
                  - maxpool2d: 2
                  - avgpool2d: { kernel: 2, stride: [1, 2], padding: 0 }
                  - adaptive_avgpool2d: [2, 2]
                  - dropout2d
                  - batchnorm2d: { eps: 0.001, momentum: 0.1, affine: true }
                  - flatten
                  - dropout: 0.5
                  - batchnorm1d
                  - leaky_relu: { negative_slope: 0.1 }
                  - elu: 1.0
                  - sigmoid
                  - tanh
                  - linear: { out: 10 }
              b:
                extends: a
                set: { c.out: 4 }
                replace: { relu1: gelu }
                insert_before: { 0: [relu] }
                insert_after: { c: relu }
                remove: [-1]
                sweep: { c.kernel: [1, [3, 1]] }
            """);
        Assert.True(result.IsValid, Errors(result));
    }

    [Theory]
    [InlineData("name: t\nmodles: {}\n")]
    [InlineData("name: t\nmodels: { a: { layers: [conv2d: { out: 0 }] } }\n")]
    [InlineData("name: t\nmodels: { a: { layers: [conv2d: { kernal: 3, out: 2 }] } }\n")]
    [InlineData("name: t\nmodels: { a: { layers: [maxpol2d] } }\n")]
    [InlineData("name: t\nmodels: { a: { layers: [conv2d] } }\n")]
    [InlineData("name: t\nmodels: { a: { layers: [dropout: 1.5] } }\n")]
    [InlineData("name: t\nmodels: { a: { input: [channel_summ], layers: [] } }\n")]
    [InlineData("name: t\ntrain: { optimizer: { type: adm } }\nmodels: {}\n")]
    [InlineData("models: { a: { layers: [relu] } }\n")]
    [InlineData("name: t\nmodels: { a: { layers: [relu], set: { out: 3 } } }\n")]
    public void Schema_rejects_what_it_can_see(string yaml) => Assert.False(Validate(yaml).IsValid, yaml);

    static EvaluationResults Validate(string yaml)
    {
        var node = YamlReader.Read(yaml, "t.yaml", new Diagnostics.DiagnosticBag());
        Assert.NotNull(node);
        using var doc = JsonDocument.Parse(Json(node!)?.ToJsonString() ?? "null");
        return Schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    static string Errors(EvaluationResults r) => string.Join("\n",
        (r.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}"));

    /// <summary>YAML 1.2 core schema typing, as the YAML language server applies it.</summary>
    static JsonNode? Json(YNode node) => node switch
    {
        YMap m => new JsonObject(m.Entries.Select(e => KeyValuePair.Create(e.Key.Value, Json(e.Value)))),
        YSeq s => new JsonArray(s.Items.Select(Json).ToArray()),
        YScalar { Quoted: true } q => q.Value,
        YScalar { IsNull: true } => null,
        YScalar { Value: "true" or "false" } b => b.Value == "true",
        YScalar i when Regex.IsMatch(i.Value, "^[-+]?[0-9]+$") => long.Parse(i.Value, CultureInfo.InvariantCulture),
        YScalar f when Regex.IsMatch(f.Value, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$") => double.Parse(f.Value, CultureInfo.InvariantCulture),
        YScalar s => s.Value,
        _ => null,
    };
}
