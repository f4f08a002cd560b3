using Cnnexp.Spec;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Scripts;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Scripting.Tests;

/// <summary>The spec side of hooks: pure, no compiler, no TorchSharp.</summary>
public class SpecSideTests
{
    const string Yaml = """
        name: s
        hooks: [hooks/a.csx, "hooks/with space.csx"]
        models:
          a:
            input: [script: { path: hooks/t.csx, args: { keep: [luminance, "red, green"], scale: -0.5 } }]
            layers:
              - script: { path: hooks/l.csx, name: mine, args: { out: 16, nested: { deep: true }, label: "x: y" } }
              - flatten
              - linear: { out: 10 }
        """;

    [Fact]
    public void Script_entries_and_args_survive_the_resolved_spec_round_trip()
    {
        var first = SpecLoader.LoadText(Yaml, "s.yaml");
        Assert.True(first.Ok, first.FormatDiagnostics());
        string written = SpecWriter.Write(first.Spec!);
        Assert.Contains("- script: { name: mine, path: hooks/l.csx, args: { out: 16, nested: { deep: true }, label: \"x: y\" } }", written);
        var again = SpecLoader.LoadText(written, "spec.resolved.yaml");
        Assert.True(again.Ok, again.FormatDiagnostics() + "\n" + written);
        Assert.Equal(written, SpecWriter.Write(again.Spec!));
    }

    [Fact]
    public void Every_script_reference_is_found_with_its_place()
    {
        var refs = HookReference.Of(SpecLoader.LoadText(Yaml, "s.yaml").Spec!);
        Assert.Equal(
            ["hooks/a.csx Hooks  2:9", "hooks/with space.csx Hooks  2:22", "hooks/t.csx Transform a 5:29", "hooks/l.csx Layer a 7:25"],
            refs.Select(r => $"{r.Path} {r.Use} {r.Model} {r.Where!.Line}:{r.Where.Column}"));
    }

    [Fact]
    public void A_script_layer_that_was_not_compiled_is_a_planning_error_not_a_crash()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(Planner.Plan(SpecLoader.LoadText(Yaml, "s.yaml").Spec!, diagnostics));
        Assert.Contains(diagnostics.Items, d => d.Message.Contains("script transform `hooks/t.csx` has not been compiled"));
    }

    [Fact]
    public void Args_must_be_a_mapping_and_hooks_must_be_paths()
    {
        var load = SpecLoader.LoadText("name: s\nhooks: [[x]]\nmodels:\n  a:\n    layers: [script: { path: x.csx, args: 3 }]\n", "s.yaml");
        Assert.Equal(
            ["s.yaml:2:9: `hooks[0]` must be the path of a .csx file, not a list",
             "s.yaml:5:43: `models.a.layers[0].script.args` must be a mapping of settings for the script, not `3`"],
            load.Diagnostics.Select(d => $"{d.Where}: {d.Message}"));
    }
}
