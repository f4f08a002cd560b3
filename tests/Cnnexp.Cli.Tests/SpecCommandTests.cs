using System.Text.Json.Nodes;

namespace Cnnexp.Cli.Tests;

/// <summary>`check`, `inspect`, `schema` and `new`: exit codes and what a user reads.</summary>
public class SpecCommandTests
{
    static string Experiment(string name) => Repo.Path("experiments", name);

    [Fact]
    public async Task Check_passes_every_shipped_experiment()
    {
        var specs = Directory.GetFiles(Repo.Path("experiments"), "*.yaml").Order().ToArray();
        Assert.True(specs.Length >= 7, "sumfirst, quickstart and the follow-up studies");
        var result = await Cli.Run(["check", .. specs]);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(specs.Length, result.Output.Split('\n').Count(l => l.StartsWith("ok: ", StringComparison.Ordinal)));
        Assert.Contains("sumfirst.yaml: 2 model(s) planned (standard, sumfirst)", result.Output);
        Assert.DoesNotContain("warning:", result.Output);
    }

    [Fact]
    public async Task Check_prints_warnings_but_exits_0()
    {
        string spec = Path.Combine(Cli.TempDir(), "w.yaml");
        File.WriteAllText(spec, "name: w\nmodels:\n  a:\n    layers: [flatten, linear: { out: 10 }]\n  b:\n    extends: a\n");
        var result = await Cli.Run("check", spec);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("w.yaml:5:3: warning: model `b` is identical to `a`", result.Output);
        Assert.Contains("ok: ", result.Output);
    }

    [Fact]
    public async Task Check_exits_2_and_prints_every_error_of_every_invalid_spec()
    {
        string dir = Cli.TempDir();
        string bad = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(bad, "name: bad\nmodels:\n  a:\n    layers:\n      - conv2d: { out: 8, kernal: 3 }\n      - flaten\n      - linear: { out: 10 }\n");
        var result = await Cli.Run("check", Experiment("quickstart.yaml"), bad, Path.Combine(dir, "missing.yaml"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ok: ", result.Output);                                 // the valid spec is still reported
        Assert.Contains("bad.yaml:5:27: error: unknown key `kernal`", result.Output);
        Assert.Contains("bad.yaml:6:9: error: unknown layer `flaten`", result.Output);
        Assert.Contains("hint: did you mean `flatten`?", result.Output);
        Assert.Contains("missing.yaml` does not exist", result.Output);
    }

    [Fact]
    public async Task Check_reports_a_bad_override_on_its_own_line()
    {
        var result = await Cli.Run("check", Experiment("quickstart.yaml"), "--set", "train.epochs=3", "--set", "train.epochz=3");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--set:2:13: error: unknown key `epochz` in `train`", result.Output);
        Assert.Contains("    2 | --set train.epochz=3", result.Output);
        Assert.Contains("did you mean `epochs`?", result.Output);
    }

    [Fact]
    public async Task Inspect_prints_the_notebook_shapes_for_sumfirst()
    {
        var result = await Cli.Run("inspect", Experiment("sumfirst.yaml"));
        Assert.True(result.ExitCode == 0, result.Output);
        Golden.Check(Repo.Path("tests", "Cnnexp.Cli.Tests", "Golden", "inspect-sumfirst.txt"), result.Output, "CNNEXP_UPDATE_GOLDEN=1 dotnet test tests/Cnnexp.Cli.Tests");
        var standard = Section(result.Output, "standard");
        var sumfirst = Section(result.Output, "sumfirst");
        foreach (var shape in new[] { "8x32x32", "16x32x32", "16x16x16", "4096", "64", "10" })
        {
            Assert.Contains($" {shape} ", standard);
            Assert.Contains($" {shape} ", sumfirst);
        }
        Assert.Matches(@"│ input +│ +│ 3x32x32 ", standard);
        Assert.Matches(@"│ channel_sum +│ transform +│ 1x32x32 ", sumfirst);
        Assert.Matches(@"│ conv1 +│ conv2d +│ 8x32x32 +│ +224 │", standard);                // 8*3*3*3 + 8: three input channels
        Assert.Matches(@"│ conv1 +│ conv2d +│ 8x32x32 +│ +80 │", sumfirst);                 // 8*1*3*3 + 8: one input channel
        Assert.Matches(@"│ total +│ +│ 10 +│ +264,250 │ +1,663,616 │", standard);
        Assert.Contains("sumfirst: 264,106 parameters", result.Output);
    }

    [Fact]
    public async Task Inspect_shows_one_model_and_suggests_names()
    {
        var one = await Cli.Run("inspect", Experiment("width.yaml"), "--model", "sumfirst[conv1.out=16]", "--set", "models.sumfirst.layers.linear1.out=32");
        Assert.True(one.ExitCode == 0, one.Output);
        Assert.Contains("sumfirst[conv1.out=16]", one.Output);
        Assert.DoesNotContain("standard[", one.Output);
        Assert.Matches(@"│ linear1 +│ linear +│ 32 ", one.Output);
        var missing = await Cli.Run("inspect", Experiment("sumfirst.yaml"), "--model", "sumfrist");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("did you mean `sumfirst`?", missing.Output);
    }

    [Fact]
    public async Task Inspect_shows_residual_bodies_and_projections()
    {
        var result = await Cli.Run("inspect", Experiment("resnet.yaml"), "--model", "residual");
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Matches(@"│ residual2 +│ residual +│ 64x16x16 ", result.Output);
        Assert.Matches(@"│   \+ projection +│ conv2d +│ 64x16x16 +│ +2,048 │", result.Output);      // 1x1, 32 -> 64, no bias
        Assert.Matches(@"│   \+ input +│ identity +│ 32x32x32 ", result.Output);
    }

    [Fact]
    public async Task Schema_writes_json_schema_and_the_reference()
    {
        var stdout = await Cli.Run("schema");
        Assert.Equal(0, stdout.ExitCode);
        var schema = JsonNode.Parse(stdout.Output)!;
        Assert.NotNull(schema["definitions"]!["layer"]);
        string dir = Cli.TempDir();
        var file = await Cli.Run("schema", "-o", Path.Combine(dir, "sub", "cnnexp.schema.json"));
        Assert.Equal(0, file.ExitCode);
        Assert.Equal(stdout.Output, File.ReadAllText(Path.Combine(dir, "sub", "cnnexp.schema.json")));
        var md = await Cli.Run("schema", "--markdown", "-o", Path.Combine(dir, "ref.md"));
        Assert.Equal(0, md.ExitCode);
        Assert.Equal(File.ReadAllText(Repo.Path("docs", "spec-reference.md")), File.ReadAllText(Path.Combine(dir, "ref.md")));
    }

    [Fact]
    public async Task New_writes_a_starter_that_checks_and_refuses_to_overwrite()
    {
        string dir = Cli.TempDir();
        string path = Path.Combine(dir, "mystudy.yaml");
        var created = await Cli.Run("new", "mystudy", "-o", path);
        Assert.Equal(0, created.ExitCode);
        Assert.StartsWith("# mystudy: a cnnexp experiment.", File.ReadAllText(path));
        var check = await Cli.Run("check", path);
        Assert.True(check.ExitCode == 0, check.Output);
        var again = await Cli.Run("new", "mystudy", "-o", path);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists", again.Output);
        Assert.Equal(0, (await Cli.Run("new", "mystudy", "-o", path, "--force")).ExitCode);
        Assert.Equal(2, (await Cli.Run("new", "my study")).ExitCode);
    }

    [Fact]
    public async Task Help_lists_the_spec_commands()
    {
        var help = await Cli.Run("--help");
        foreach (var command in new[] { "check", "inspect", "schema", "new", "run" })
            Assert.Contains($"    {command} ", help.Output);
        var runHelp = await Cli.Run("run", "--help");
        Assert.Contains("--set <KEY=VALUE>", runHelp.Output);
    }

    /// <summary>The text from a table's title line to the line after its totals.</summary>
    static string Section(string output, string model)
    {
        var lines = output.Split('\n');
        int start = Array.FindIndex(lines, l => l.Trim() == model);
        int end = Array.FindIndex(lines, start, l => l.StartsWith($"{model}: ", StringComparison.Ordinal));
        return string.Join('\n', lines[start..end]);
    }
}
