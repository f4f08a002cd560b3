using System.Text;

namespace Cnnexp.Cli.Tests;

/// <summary>
/// Specs a user might be handed by someone else (issue 14): each one is refused with exit 2 and a
/// message located at its file and line — never exit 1, a stack trace or a crash — and nothing is
/// written outside the folders the user named.
/// </summary>
public class HostileInputTests
{
    static async Task<Cli.Result> Check(string yaml, string file = "hostile.yaml", params string[] extra)
    {
        string dir = Cli.TempDir();
        string spec = Path.Combine(dir, file);
        File.WriteAllText(spec, yaml);
        return await Cli.Run(["check", spec, .. extra]);
    }

    static void Refused(Cli.Result result, params string[] expected)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}:\n{result.Output}");
        Assert.DoesNotContain("   at ", result.Output);                  // no stack trace
        Assert.DoesNotContain("Exception", result.Output);
        foreach (string e in expected) Assert.Contains(e, result.Output);
    }

    const string Head = "name: h\ndata: { dataset: cifar10 }\nmodels:\n  a:\n    layers:\n";

    [Fact]
    public async Task A_very_wide_layer_is_an_error_at_its_line() =>
        Refused(await Check(Head + "      - conv2d: { out: 100000000, kernel: 3 }\n      - flatten\n      - linear: { out: 10 }\n"),
            "hostile.yaml:6:24:", "is 100000000, outside the allowed range [1, 65536]");

    [Fact]
    public async Task A_model_too_large_to_allocate_is_an_error_at_the_layer_that_makes_it_so() =>
        Refused(await Check(Head + "      - conv2d: { out: 60000, kernel: 3, padding: 1 }\n      - conv2d: { out: 60000, kernel: 3, padding: 1 }\n      - flatten\n      - linear: { out: 10 }\n"),
            "hostile.yaml:7:9:", "parameters; a model may have at most 1,000,000,000");

    [Fact]
    public async Task Check_reports_a_mistake_inside_an_included_file_at_its_line_there_and_refuses_escaping_includes()
    {
        string dir = Cli.TempDir();
        Directory.CreateDirectory(Path.Combine(dir, "stacks"));
        File.WriteAllText(Path.Combine(dir, "stacks", "base.yaml"), "blocks:\n  stack:\n    - conv2d: { out: 8, kernal: 3 }\n    - flatten\n");
        File.WriteAllText(Path.Combine(dir, "spec.yaml"), "name: h\ninclude: [stacks/base.yaml, ../../etc/hostname]\nmodels:\n  a: { layers: [block: stack, linear: { out: 10 }] }\n");
        Refused(await Cli.Run("check", Path.Combine(dir, "spec.yaml")),
            "stacks/base.yaml:3:25: error: ", "    3 |     - conv2d: { out: 8, kernal: 3 }", "did you mean `kernel`?",
            "spec.yaml:2:29: error: `../../etc/hostname` lies outside the spec's folder");
    }

    [Fact]
    public async Task Yaml_nested_twenty_thousand_levels_deep_is_refused_not_a_stack_overflow()
    {
        string deep = "name: deep\nx: " + new string('[', 20_000) + new string(']', 20_000) + "\n";
        Refused(await Check(deep), "hostile.yaml:2:", "nests more than 64 levels");
    }

    [Fact]
    public async Task A_repeat_that_expands_past_the_layer_limit_is_refused_quickly()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Refused(await Check(Head + "      - repeat: { times: 1000, layers: [repeat: { times: 1000, layers: [relu] }] }\n      - flatten\n      - linear: { out: 10 }\n"),
            "hostile.yaml:", "10,000 layers");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData(".nan")]
    [InlineData(".inf")]
    [InlineData("-.inf")]
    [InlineData("1e400")]
    public async Task Numbers_must_be_finite(string value) =>
        Refused(await Check(Head + "      - flatten\n      - linear: { out: 10 }\ntrain: { optimizer: { lr: " + value + " } }\n"), "hostile.yaml:8:", "lr");

    [Theory]
    [InlineData("name: ../../escape", "name")]
    [InlineData("name: /tmp/escape", "name")]
    [InlineData("name: ok\nmodels:\n  ../up:\n    layers: [flatten, linear: { out: 10 }]", "../up")]
    public async Task Names_cannot_reach_outside_the_run_folder(string yaml, string named)
    {
        string dir = Cli.TempDir();
        string spec = Path.Combine(dir, "names.yaml");
        File.WriteAllText(spec, yaml + (yaml.Contains("models:") ? "\n" : "\nmodels:\n  a:\n    layers: [flatten, linear: { out: 10 }]\n"));
        string outDir = Path.Combine(dir, "runs", "r");
        var result = await Cli.Run("run", spec, "--out", outDir, "--set", "data.limit=64", "--set", "train.epochs=1");
        Refused(result, "names.yaml:", named);
        Assert.False(Directory.Exists(Path.Combine(dir, "escape")));
        Assert.False(File.Exists("/tmp/escape"));
    }

    [Fact]
    public async Task A_hook_outside_the_specs_folder_is_refused_before_it_is_compiled()
    {
        string dir = Cli.TempDir();
        string outside = Path.Combine(dir, "evil.csx");
        File.WriteAllText(outside, "System.IO.File.WriteAllText(\"/tmp/pwned\", \"x\");");
        Directory.CreateDirectory(Path.Combine(dir, "spec"));
        string spec = Path.Combine(dir, "spec", "s.yaml");
        File.WriteAllText(spec, "name: s\nhooks:\n  - ../evil.csx\nmodels:\n  a:\n    layers: [flatten, linear: { out: 10 }]\n");
        Refused(await Cli.Run("check", spec), "s.yaml:3:", "spec's folder");
    }

    [Fact]
    public async Task Binary_garbage_and_empty_files_are_located_errors()
    {
        var random = new Random(7);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        string dir = Cli.TempDir();
        string garbage = Path.Combine(dir, "garbage.yaml");
        File.WriteAllBytes(garbage, bytes);
        string empty = Path.Combine(dir, "empty.yaml");
        File.WriteAllText(empty, "");
        var result = await Cli.Run("check", garbage, empty);
        Refused(result, "garbage.yaml", "empty.yaml");
    }

    [Fact]
    public async Task A_folder_or_a_huge_file_is_refused_before_it_is_read()
    {
        string dir = Cli.TempDir();
        Directory.CreateDirectory(Path.Combine(dir, "folder.yaml"));
        string huge = Path.Combine(dir, "huge.yaml");
        File.WriteAllText(huge, "name: huge\n# " + new string('x', 5 << 20) + "\n");
        var result = await Cli.Run("check", Path.Combine(dir, "folder.yaml"), huge);
        Refused(result, "folder.yaml", "huge.yaml");
    }

    [Fact]
    public async Task A_long_line_is_shown_as_a_window_around_the_caret()
    {
        string yaml = Head + "      - flatten\n      - linear: { out: 10, " + new string(' ', 5000) + "bogus: 1 }\n";
        var result = await Check(yaml);
        Refused(result, "unknown key `bogus`");
        Assert.All(result.Output.Split('\n'), line => Assert.True(line.Length < 400, $"line of {line.Length} chars"));
    }

    /// <summary>A run directory is input too: a unit's state.json or the manifest edited by hand is refused at its file and place.</summary>
    [Fact]
    public async Task A_damaged_run_file_is_refused_naming_the_file_and_where()
    {
        string dir = Path.Combine(Cli.TempDir(), "run");
        var first = await Cli.Run("run", Repo.Path("experiments", "quickstart.yaml"), "--out", dir, "--quiet",
            "--set", "train.epochs=1", "--set", "data.limit=100", "--set", "seeds=[0]");
        Assert.True(first.ExitCode == 0, first.Output);
        string state = Directory.GetFiles(Path.Combine(dir, "units"), "state.json", SearchOption.AllDirectories).Order().First();
        string good = File.ReadAllText(state);
        File.WriteAllText(state, good.Replace("\"status\": \"done\"", "\"status\": \"running\"").Replace("\"epochs_done\": 1", "\"epochs_done\": \"one\""));
        Refused(await Cli.Run("run", "--resume", dir, "--quiet"), $"{state} is damaged at $.epochs_done", "restore it, or delete it");
        File.WriteAllText(state, good);
        File.WriteAllText(Path.Combine(dir, "manifest.json"), "{ \"cnnexp\": ");
        Refused(await Cli.Run("run", "--resume", dir, "--quiet"), "manifest.json is damaged");
    }
}
