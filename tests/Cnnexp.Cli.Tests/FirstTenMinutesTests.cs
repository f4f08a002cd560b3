using Cnnexp.Cli.Output;

namespace Cnnexp.Cli.Tests;

/// <summary>
/// Issue 19, a newcomer's first ten minutes: errors on stderr for every command, `--set` wherever a
/// spec is read, tables as ASCII or Markdown, the width COLUMNS asks for and no trailing spaces.
/// </summary>
public class FirstTenMinutesTests
{
    static string Experiment(string name) => Repo.Path("experiments", name);

    static string Bad()
    {
        string path = Path.Combine(Cli.TempDir(), "bad.yaml");
        File.WriteAllText(path, "name: bad\nmodels:\n  a:\n    layers: [flaten, linear: { out: 10 }]\n");
        return path;
    }

    /// <summary>A run directory holding spec.resolved.yaml, as `submit --dry-run` prepares it (no training).</summary>
    static async Task<string> PreparedRunDir()
    {
        string dir = Path.Combine(Cli.TempDir(), "run");
        var r = await Cli.Run("submit", Experiment("quickstart.yaml"), "--out", dir, "--k8s", "--image", "x", "--dry-run");
        Assert.True(r.ExitCode == 0, r.Output);
        return dir;
    }

    public static TheoryData<string[]> FailingCommands => new()
    {
        new[] { "chek" },
        new[] { "run", "--jobs", "0", "x.yaml" },
        new[] { "check", "MISSING.yaml" },
        new[] { "check", "BAD" },
        new[] { "inspect", "BAD" },
        new[] { "plan", "BAD" },
        new[] { "submit", "BAD", "--out", "OUT", "--slurm", "--dry-run" },
        new[] { "run", "BAD" },
        new[] { "status", "OUT" },
        new[] { "report", "OUT" },
        new[] { "power", "OUT" },
        new[] { "export", "OUT" },
        new[] { "predict", "OUT", "x.png" },
        new[] { "new", "my study" },
        new[] { "inspect", "QUICK", "--model", "nosuch" },
        new[] { "plan", "QUICK", "--format", "html" },
        new[] { "data", "fetch", "nosuch" },
    };

    [Theory, MemberData(nameof(FailingCommands))]
    public async Task Errors_go_to_stderr_and_stdout_stays_empty(string[] args)
    {
        string bad = Bad(), outDir = Path.Combine(Cli.TempDir(), "none");
        args = args.Select(a => a switch { "BAD" => bad, "OUT" => outDir, "QUICK" => Experiment("quickstart.yaml"), _ => a }).ToArray();
        var r = await Cli.Run(args);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Contains("error", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);                    // no .NET stack trace
    }

    [Fact]
    public async Task No_arguments_prints_help_on_stderr_and_exits_2()
    {
        var r = await Cli.Run();
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Contains("USAGE:", r.Stderr);
        var help = await Cli.Run("--help");                         // asked for: stdout, exit 0
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("USAGE:", help.Stdout);
    }

    [Fact]
    public async Task A_typo_in_a_command_suggests_the_command()
    {
        var r = await Cli.Run("chek", "x.yaml");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("did you mean `cnnexp check`?", r.Stderr);
    }

    [Fact]
    public async Task Warnings_go_to_stderr_and_results_to_stdout()
    {
        string spec = Path.Combine(Cli.TempDir(), "w.yaml");
        File.WriteAllText(spec, "name: w\nmodels:\n  a:\n    layers: [flatten, linear: { out: 10 }]\n  b:\n    extends: a\n");
        var r = await Cli.Run("check", spec);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("warning:", r.Stderr);
        Assert.DoesNotContain("warning:", r.Stdout);
        Assert.StartsWith("ok: ", r.Stdout);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("inspect")]
    [InlineData("plan")]
    [InlineData("submit")]
    [InlineData("run")]
    public async Task Set_is_accepted_and_checked_by_every_command_that_reads_a_spec(string command)
    {
        string[] extra = command == "submit" ? ["--out", Path.Combine(Cli.TempDir(), "r"), "--slurm", "--dry-run"] : [];
        var r = await Cli.Run([command, Experiment("quickstart.yaml"), "--set", "train.epochz=2", .. extra]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--set:1:13: error: unknown key `epochz` in `train`", r.Stderr);
        Assert.Contains("    1 | --set train.epochz=2", r.Stderr);               // what the user typed
    }

    [Fact]
    public async Task Export_reads_set_too()
    {
        string dir = await PreparedRunDir();
        var r = await Cli.Run("export", dir, "--set", "train.epochz=2");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown key `epochz`", r.Stderr);
    }

    [Fact]
    public async Task Plan_with_set_lists_the_units_of_the_changed_spec()
    {
        var plain = await Cli.Run("plan", Experiment("sumfirst.yaml"), "--format", "markdown");
        var narrow = await Cli.Run("plan", Experiment("sumfirst.yaml"), "--format", "markdown", "--set", "models.standard.layers[0].out=4");
        Assert.True(narrow.ExitCode == 0, narrow.Output);
        Assert.NotEqual(Ids(plain.Stdout), Ids(narrow.Stdout));                   // the unit ids follow the settings
        Assert.Contains("| 264,250 |", plain.Stdout);
        Assert.DoesNotContain("| 264,250 |", narrow.Stdout);

        static string Ids(string markdown) => string.Join(",", markdown.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1)
            .Select(l => l.Split('|')[1].Trim()));
    }

    [Fact]
    public async Task Set_takes_the_list_paths_errors_print()
    {
        var r = await Cli.Run("inspect", Experiment("sumfirst.yaml"), "--model", "standard", "--set", "models.standard.layers[0].conv2d.out=4");
        Assert.True(r.ExitCode == 0, r.Output);
        Assert.Matches(@"│ conv1 +│ conv2d +│ 4x32x32 ", r.Stdout);
    }

    [Theory]
    [InlineData("table", "╭─")]
    [InlineData("ascii", "+-")]
    [InlineData("markdown", "| layer | kind | output | parameters | MACs |")]
    public async Task Inspect_prints_tables_in_the_format_asked_for(string format, string expected)
    {
        var r = await Cli.Run("inspect", Experiment("sumfirst.yaml"), "--format", format);
        Assert.True(r.ExitCode == 0, r.Output);
        Assert.Contains(expected, r.Stdout);
        if (format != "table") Assert.DoesNotContain("│", r.Stdout);
        if (format == "markdown") Assert.Contains("| conv1 | conv2d | 8x32x32 | 224 | 221,184 |", r.Stdout);
    }

    [Fact]
    public async Task Inspect_counts_batch_norm_statistics_as_non_trainable()
    {
        string spec = Path.Combine(Cli.TempDir(), "bn.yaml");
        File.WriteAllText(spec, "name: bn\nmodels:\n  a:\n    layers:\n      - conv2d: { out: 8, kernel: 3, padding: 1 }\n      - batchnorm2d\n" +
                                "      - relu\n      - adaptive_avgpool2d: 1\n      - flatten\n      - linear: { out: 10 }\n");
        var r = await Cli.Run("inspect", spec);
        Assert.True(r.ExitCode == 0, r.Output);
        // conv 8*3*9+8 = 224, batch norm 2*8 = 16 trainable and 16 running statistics, linear 8*10+10 = 90
        Assert.Contains("a: 346 parameters (", r.Stdout);
        Assert.Contains("  trainable: 330; non-trainable: 16 (batch-norm running statistics)", r.Stdout);
    }

    [Fact]
    public async Task Inspect_does_not_count_frozen_layers_as_trainable()
    {
        var r = await Cli.RunWidth(200, "inspect", Experiment("transfer.yaml"));
        Assert.True(r.ExitCode == 0, r.Output);
        Assert.Contains("standard: 264,250 parameters (", r.Stdout);
        Assert.Contains("  trainable: 264,026; frozen: 224 (freeze: conv1); non-trainable: 0", r.Stdout);   // conv1: 8*3*9+8
        // conv1 sees one summed channel (8*1*9+8 = 80); conv2 1,168 + linear1 262,208 + linear2 650 are frozen
        Assert.Contains("  trainable: 80; frozen: 264,026 (freeze: conv2, linear1, linear2); non-trainable: 0", r.Stdout);
    }

    [Fact]
    public async Task Inspect_takes_a_swept_models_name_for_all_its_variants()
    {
        var r = await Cli.Run("inspect", Experiment("width.yaml"), "--model", "sumfirst");
        Assert.True(r.ExitCode == 0, r.Output);
        foreach (int w in new[] { 4, 8, 16, 32 }) Assert.Contains($"sumfirst[conv1.out={w}]: ", r.Stdout);
        Assert.DoesNotContain("standard[", r.Stdout);
    }

    [Fact]
    public async Task Output_honours_the_width_and_has_no_trailing_spaces()
    {
        foreach (var args in new[] { new[] { "--help" }, ["run", "--help"], ["inspect", Experiment("sumfirst.yaml")], ["plan", Experiment("quickstart.yaml")] })
        {
            var r = await Cli.RunWidth(60, args);
            var lines = r.Output.Split('\n');
            Assert.DoesNotContain(lines, l => l.EndsWith(' '));
            Assert.DoesNotContain(lines, l => l.Length > 60 && !l.TrimStart().StartsWith("cnnexp ", StringComparison.Ordinal));
        }
        Assert.Equal(50, Terminal.Width("50", redirected: true));
        Assert.Null(Terminal.Width(null, redirected: true));
    }

    [Fact]
    public async Task Help_never_splits_an_example_command()
    {
        var r = await Cli.RunWidth(50, "run", "--help");
        Assert.Contains("    cnnexp run experiments/sumfirst.yaml --set train.epochs=2 --set data.limit=1000\n", r.Stdout);
    }

    [Fact]
    public async Task New_creates_a_missing_folder()
    {
        string path = Path.Combine(Cli.TempDir(), "some", "missing", "folder", "x.yaml");
        var r = await Cli.Run("new", "x", "-o", path);
        Assert.True(r.ExitCode == 0, r.Output);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void An_unexpected_exception_shows_its_type_and_keeps_the_stack_in_a_file()
    {
        var writer = new StringWriter();
        int code = Errors.Report(new InvalidOperationException("boom"), Terminal.Create(writer), ["check"]);
        Assert.Equal(ExitCodes.Failure, code);
        string text = writer.ToString();
        Assert.Contains("error: boom (InvalidOperationException)", text);
        Assert.DoesNotContain("   at ", text);
        string log = text.Split("the details are in ")[1].Split(';')[0];
        Assert.Contains("InvalidOperationException", File.ReadAllText(log));
    }
}
