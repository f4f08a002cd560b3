using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Spec.Tests;

/// <summary>
/// `include:` brings another file's blocks, models and train settings into a spec: the result plans
/// exactly like the same spec written as one file, mistakes in an included file are reported at
/// their line in that file, and a spec cannot include files from outside its own folder.
/// </summary>
public class IncludeTests
{
    const string Stack = """
        # shared layers
        blocks:
          features:
            - conv2d: { out: 8, kernel: 3, padding: 1 }
            - relu
            - maxpool2d: 2
        models:
          base:
            layers: [block: features, flatten, linear: { out: 10 }]
        train: { epochs: 3, optimizer: { type: adam, lr: 0.01 } }
        """;

    /// <summary>A folder holding <paramref name="files"/> (path → text); returns the folder.</summary>
    static string Folder(params (string Path, string Text)[] files)
    {
        string dir = Scratch.NewDir();
        foreach (var (path, text) in files)
        {
            string full = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        return dir;
    }

    static LoadResult Load(string dir, string file = "spec.yaml", params string[] overrides) =>
        SpecLoader.LoadFile(Path.Combine(dir, file), overrides);

    static ExperimentPlan PlanOf(LoadResult load)
    {
        Assert.True(load.Ok, load.FormatDiagnostics());
        var diagnostics = new DiagnosticBag();
        var plan = Planner.Plan(load.Spec!, diagnostics);
        Assert.True(plan is not null, DiagnosticFormatter.FormatAll(diagnostics.Items, load.Sources));
        return plan!;
    }

    [Fact]
    public void Included_blocks_models_and_train_plan_like_the_same_spec_written_in_one_file()
    {
        string dir = Folder(("stacks/base.yaml", Stack), ("spec.yaml", """
            name: t
            include: [stacks/base.yaml]
            train: { optimizer: { lr: 0.001 } }
            models:
              wide: { layers: [block: features, conv2d: { out: 16, kernel: 3 }, flatten, linear: { out: 10 }] }
              sumfirst: { extends: base, input: [channel_sum] }
            """));
        var included = PlanOf(Load(dir));

        var inline = SpecHelpers.Plan("""
            name: t
            train: { epochs: 3, optimizer: { type: adam, lr: 0.001 } }
            blocks:
              features:
                - conv2d: { out: 8, kernel: 3, padding: 1 }
                - relu
                - maxpool2d: 2
            models:
              base:
                layers: [block: features, flatten, linear: { out: 10 }]
              wide: { layers: [block: features, conv2d: { out: 16, kernel: 3 }, flatten, linear: { out: 10 }] }
              sumfirst: { extends: base, input: [channel_sum] }
            """);
        string resolved = SpecWriter.Write(included.Spec);
        Assert.Equal(SpecWriter.Write(inline.Spec), resolved);
        Assert.Equal(["base", "wide", "sumfirst"], included.Models.Select(m => m.Name));
        Assert.Equal(3, included.Spec.Train.Epochs);                                 // from the included file
        Assert.Equal(0.001, included.Spec.Train.Optimizer.Lr);                       // the including file wins, key by key
        Assert.DoesNotContain("include", resolved);                                  // spec.resolved.yaml stands alone
        Assert.True(SpecLoader.LoadText(resolved, Path.Combine(Scratch.NewDir(), "spec.resolved.yaml")).Ok);
    }

    [Fact]
    public void A_model_of_the_same_name_in_the_including_file_replaces_the_included_one_in_its_place()
    {
        string dir = Folder(("base.yaml", Stack), ("spec.yaml", "name: t\ninclude: [base.yaml]\nmodels:\n  base: { layers: [flatten, linear: { out: 10 }] }\n"));
        var plan = PlanOf(Load(dir));
        var model = Assert.Single(plan.Models);
        Assert.Equal(["flatten1", "linear1"], model.Layers.Select(l => l.Name));
        Assert.Equal(4, model.Spec.Where!.Line);                                     // the including file's model, with its place
        Assert.EndsWith("spec.yaml", model.Spec.Where.File);
    }

    [Fact]
    public void Includes_are_relative_to_the_including_file_and_may_nest()
    {
        string dir = Folder(
            ("stacks/features.yaml", "blocks:\n  features: [conv2d: { out: 4, kernel: 3 }, relu]\n"),
            ("stacks/base.yaml", "include: [features.yaml]\nmodels:\n  base: { layers: [block: features, flatten, linear: { out: 10 }] }\n"),
            ("spec.yaml", "name: t\ninclude: [stacks/base.yaml]\n"));
        Assert.Equal("4x30x30", PlanOf(Load(dir)).Model("base").Layers[0].Output.ToString());
    }

    [Fact]
    public void Overrides_reach_what_an_included_file_brings()
    {
        string dir = Folder(("base.yaml", Stack), ("spec.yaml", "name: t\ninclude: [base.yaml]\n"));
        var plan = PlanOf(Load(dir, "spec.yaml", "train.epochs=7", "models.base.layers.conv1.out=4"));
        Assert.Equal(7, plan.Spec.Train.Epochs);
        Assert.Equal(0.01, plan.Spec.Train.Optimizer.Lr);
        Assert.Equal(4, plan.Model("base").Layers[0].Output.C);
    }

    [Fact]
    public void A_mistake_inside_an_included_file_is_reported_at_its_line_there()
    {
        string dir = Folder(("stacks/base.yaml", Stack.Replace("- relu", "- relu: { slope: 2 }")), ("spec.yaml", "name: t\ninclude: [stacks/base.yaml]\n"));
        var load = Load(dir);
        var error = Assert.Single(load.Diagnostics, d => d.IsError);
        Assert.Equal(Path.Combine(dir, "stacks", "base.yaml"), error.Where!.File);
        Assert.Equal((5, 15), (error.Where.Line, error.Where.Column));
        Assert.Contains("    5 |     - relu: { slope: 2 }", load.FormatDiagnostics());   // the included file's own line, quoted
    }

    [Fact]
    public void A_shape_error_inside_an_included_model_is_reported_at_its_line_there()
    {
        string dir = Folder(("base.yaml", "models:\n  base:\n    layers:\n      - conv2d: { out: 4, kernel: 3 }\n      - linear: { out: 10 }\n"),
            ("spec.yaml", "name: t\ninclude: [base.yaml]\n"));
        var load = Load(dir);
        Assert.True(load.Ok, load.FormatDiagnostics());
        var diagnostics = new DiagnosticBag();
        Assert.Null(Planner.Plan(load.Spec!, diagnostics));
        var error = Assert.Single(diagnostics.Items, d => d.IsError);
        Assert.Equal((Path.Combine(dir, "base.yaml"), 5), (error.Where!.File, error.Where.Line));
        Assert.Contains("- linear: { out: 10 }", DiagnosticFormatter.FormatAll(diagnostics.Items, load.Sources));
    }

    [Fact]
    public void A_missing_file_is_reported_at_the_include_line()
    {
        string dir = Folder(("spec.yaml", "name: t\ninclude:\n  - stacks/nope.yaml\nmodels: { a: { layers: [flatten] } }\n"));
        var error = Assert.Single(Load(dir).Diagnostics, d => d.IsError);
        Assert.Equal(("include-not-found", 3, 5), (error.Code, error.Where!.Line, error.Where.Column));
        Assert.Contains("`stacks/nope.yaml` does not exist", error.Message);
    }

    [Fact]
    public void Files_that_include_each_other_are_a_cycle_reported_where_it_closes()
    {
        string dir = Folder(("a.yaml", "include: [sub/b.yaml]\n"), ("sub/b.yaml", "blocks: {}\ninclude: [../a.yaml]\n"),
            ("spec.yaml", "name: t\ninclude: [a.yaml]\nmodels: { m: { layers: [flatten] } }\n"));
        var error = Assert.Single(Load(dir).Diagnostics, d => d.IsError);
        Assert.Equal(("include-cycle", Path.Combine(dir, "sub", "b.yaml"), 2), (error.Code, error.Where!.File, error.Where.Line));
        Assert.Contains($"a.yaml -> {Path.Combine(dir, "sub", "b.yaml")} -> {Path.Combine(dir, "a.yaml")}", error.Message);
    }

    [Fact]
    public void A_spec_that_includes_itself_is_a_cycle()
    {
        string dir = Folder(("spec.yaml", "name: t\ninclude: [./spec.yaml]\nmodels: { m: { layers: [flatten] } }\n"));
        Assert.Equal("include-cycle", Assert.Single(Load(dir).Diagnostics, d => d.IsError).Code);
    }

    [Theory]
    [InlineData("../outside.yaml")]
    [InlineData("sub/../../outside.yaml")]
    [InlineData("/etc/hostname")]
    [InlineData("~/outside.yaml")]
    [InlineData("link.yaml")]                                                     // a link inside, to a file outside
    [InlineData("linked/outside.yaml")]                                           // through a linked folder
    public void A_file_outside_the_spec_folder_is_refused_before_it_is_read(string path)
    {
        string outer = Scratch.NewDir();
        File.WriteAllText(Path.Combine(outer, "outside.yaml"), "blocks: { b: [relu] }\n");
        string dir = Path.Combine(outer, "spec");
        Directory.CreateDirectory(Path.Combine(dir, "sub"));
        File.CreateSymbolicLink(Path.Combine(dir, "link.yaml"), Path.Combine(outer, "outside.yaml"));
        Directory.CreateSymbolicLink(Path.Combine(dir, "linked"), "..");           // relative: spec/linked -> outer
        File.WriteAllText(Path.Combine(dir, "spec.yaml"), $"name: t\ninclude: [\"{path}\"]\nmodels: {{ m: {{ layers: [flatten] }} }}\n");
        var load = Load(dir);
        var error = Assert.Single(load.Diagnostics, d => d.IsError);
        Assert.Equal(("include-outside", 2, 11), (error.Code, error.Where!.Line, error.Where.Column));
        Assert.Single(load.Sources);                                                  // nothing outside was read
    }

    [Fact]
    public void A_link_inside_the_folder_to_a_file_inside_it_is_followed()
    {
        string dir = Folder(("stacks/base.yaml", Stack), ("spec.yaml", "name: t\ninclude: [alias.yaml]\n"));
        File.CreateSymbolicLink(Path.Combine(dir, "alias.yaml"), "stacks/base.yaml");
        Assert.Equal("base", Assert.Single(PlanOf(Load(dir)).Models).Name);
    }

    [Fact]
    public void Only_blocks_models_and_train_can_come_from_an_included_file()
    {
        string dir = Folder(("base.yaml", Stack + "\nname: other\ndata: { dataset: cifar10 }\nmodles: {}\n"), ("spec.yaml", "name: t\ninclude: [base.yaml]\n"));
        var errors = Load(dir).Diagnostics.Where(d => d.IsError).ToList();
        Assert.Equal(["not-includable"], errors.Select(e => e.Code).Distinct());
        Assert.Equal([11, 12, 13], errors.Select(e => e.Where!.Line));
        Assert.Contains("did you mean `models`?", errors[2].Hint);
        Assert.Contains("relative paths", errors[1].Hint);
    }

    [Fact]
    public void An_include_chain_longer_than_the_limit_is_refused()
    {
        int n = Limits.SpecLimits.MaxIncludeDepth + 2;
        var files = Enumerable.Range(0, n).Select(i => ($"f{i}.yaml", i + 1 < n ? $"include: [f{i + 1}.yaml]\n" : "blocks: {}\n")).ToList();
        string dir = Folder([.. files, ("spec.yaml", "name: t\ninclude: [f0.yaml]\nmodels: { m: { layers: [flatten] } }\n")]);
        var error = Assert.Single(Load(dir).Diagnostics, d => d.IsError);
        Assert.Equal("too-deep", error.Code);
    }

    [Fact]
    public void Including_one_file_many_times_over_is_refused_quickly()
    {
        // Each file includes the next one twice: 2^30 inclusions if nothing stopped it.
        var files = Enumerable.Range(0, 30).Select(i => ($"f{i}.yaml", $"include: [f{i + 1}.yaml, f{i + 1}.yaml]\n")).Append(("f30.yaml", "blocks: {}\n"));
        string dir = Folder([.. files, ("spec.yaml", "name: t\ninclude: [f0.yaml]\nmodels: { m: { layers: [flatten] } }\n")]);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var load = Load(dir);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Contains(load.Diagnostics, d => d.Code == "too-deep" && d.Message.Contains("at most"));
    }

    [Theory]
    [InlineData("include: { a: 1 }", "wrong-type")]
    [InlineData("include: stacks/x.yaml", "wrong-type")]
    [InlineData("include: [[a.yaml]]", "wrong-type")]
    [InlineData("include: [stacks]", "include-not-found")]
    public void A_malformed_include_is_a_located_error(string line, string code)
    {
        string dir = Folder(("stacks/x.yaml", "blocks: {}\n"), ("spec.yaml", $"name: t\n{line}\nmodels: {{ m: {{ layers: [flatten] }} }}\n"));
        var error = Assert.Single(Load(dir).Diagnostics, d => d.IsError);
        Assert.Equal((code, 2), (error.Code, error.Where!.Line));
    }

    [Fact]
    public void An_included_file_that_is_not_a_mapping_is_located_in_it()
    {
        string dir = Folder(("base.yaml", "- relu\n"), ("spec.yaml", "name: t\ninclude: [base.yaml]\nmodels: { m: { layers: [flatten] } }\n"));
        var error = Assert.Single(Load(dir).Diagnostics, d => d.IsError);
        Assert.Equal((Path.Combine(dir, "base.yaml"), 1), (error.Where!.File, error.Where.Line));
    }

    [Fact]
    public void Include_cannot_be_set_from_the_command_line()
    {
        string dir = Folder(("base.yaml", Stack), ("spec.yaml", "name: t\nmodels: { m: { layers: [flatten] } }\n"));
        var error = Assert.Single(Load(dir, "spec.yaml", "include=[base.yaml]").Diagnostics, d => d.IsError);
        Assert.Equal(("bad-set", Overrides.File), (error.Code, error.Where!.File));
    }
}
