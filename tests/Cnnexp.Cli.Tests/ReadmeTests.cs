using System.Text;
using System.Text.RegularExpressions;

namespace Cnnexp.Cli.Tests;

/// <summary>
/// Every command in README.md's shell blocks is run, so none rots. `cnnexp …` commands run here,
/// in order, in a scratch copy of the repository's experiments (a `run` is cut to synthetic data,
/// 200 images, one epoch, one seed, so the whole tour takes seconds); the README's first block
/// (install + quickstart, tests) is run by .ci/run; the rest name the test that runs them.
/// </summary>
public class ReadmeTests
{
    static readonly string[] Reduce =
        ["--set", "data.dataset=synthetic", "--set", "data.limit=200", "--set", "train.epochs=1", "--set", "seeds=[0]", "--threads", "1", "--quiet"];

    /// <summary>Commands another test or CI runs, and where: a file and a string that must be in it.</summary>
    static readonly (string Prefix, string File, string Evidence)[] RunElsewhere =
    [
        ("dotnet pack src/Cnnexp.Cli -c Release -o artifacts && dotnet tool update -g cnnexp", ".ci/run", "README.md"),
        (".ci/install-deps && dotnet test cnnexp.sln", ".ci/run", ".ci/install-deps && dotnet test cnnexp.sln"),
        ("dotnet pack src/Cnnexp -c Release -o artifacts", "tests/Cnnexp.FSharp.Tests/ExampleScriptTests.fs", "\"pack\""),
        ("dotnet fsi examples/fsharp/sumfirst.fsx", "tests/Cnnexp.FSharp.Tests/ExampleScriptTests.fs", "\"fsi\"; Path.Combine(\"examples\", \"fsharp\", \"sumfirst.fsx\")"),
        ("cnnexp data import-cifar10 ", "tests/Cnnexp.Data.Tests/DataCommandTests.cs", "\"import-cifar10\""),
        ("cnnexp data fetch ", "tests/Cnnexp.Data.Tests/DataCommandTests.cs", "\"fetch\""),
        ("cnnexp submit ", "tests/Cnnexp.Cli.Tests/SlurmTests.cs", "\"--slurm\""),
        ("cnnexp predict ", "tests/Cnnexp.Cli.Tests/PredictCommandTests.cs", "Cli.Run(\"predict\", run.Rgb"),    // needs images: a scratch copy of experiments/ has none
    ];

    [Fact]
    public void The_first_block_is_the_install_command_then_the_test_command()
    {
        var first = Blocks().First();
        Assert.Equal(2, first.Count);
        Assert.StartsWith("dotnet pack src/Cnnexp.Cli -c Release -o artifacts && dotnet tool update -g cnnexp", first[0]);
        Assert.Equal(".ci/install-deps && dotnet test cnnexp.sln", first[1]);
    }

    [Fact]
    public void Commands_run_elsewhere_are_run_there()
    {
        foreach (var command in Blocks().SelectMany(b => b))
        {
            if (command.StartsWith("cnnexp ", StringComparison.Ordinal) && Elsewhere(command) is null) continue;
            var (_, file, evidence) = Elsewhere(command)
                ?? throw new Xunit.Sdk.XunitException($"README command `{command}` is run by no test: run it in ReadmeTests or name its test in RunElsewhere");
            Assert.True(File.ReadAllText(Repo.Path(file)).Contains(evidence, StringComparison.Ordinal), $"{file} no longer runs `{command}` (looked for {evidence})");
        }
    }

    [Fact]
    public async Task Every_cnnexp_command_runs_in_order_and_succeeds()
    {
        string work = Cli.TempDir(), previous = Environment.CurrentDirectory;
        CopyDirectory(Repo.Path("experiments"), Path.Combine(work, "experiments"));
        var commands = Blocks().SelectMany(b => b).Where(c => c.StartsWith("cnnexp ", StringComparison.Ordinal) && Elsewhere(c) is null).ToList();
        Assert.True(commands.Count >= 8, string.Join("\n", commands));
        try
        {
            Environment.CurrentDirectory = work;      // this assembly's tests run one at a time
            foreach (var command in commands)
            {
                var args = Words(command).Skip(1).SelectMany(Glob).ToList();
                if (args[0] == "run" && !args.Contains("--resume")) args.AddRange(Reduce);
                if (args[0] == "new") args.AddRange(["--out", Path.Combine(work, args[1] + ".yaml")]);
                var result = await Cli.Run([.. args]);
                Assert.True(result.ExitCode == 0, $"`{command}` exited {result.ExitCode}:\n{result.Output}");
            }
        }
        finally
        {
            Environment.CurrentDirectory = previous;
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void The_spec_shown_is_experiments_sumfirst_yaml()
    {
        static IEnumerable<string> Lines(IEnumerable<string> lines) =>
            lines.Select(l => Regex.Replace(l, @"\s+#.*$", "").TrimEnd()).Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
        var readme = File.ReadAllLines(Repo.Path("README.md"));
        int start = Array.FindIndex(readme, l => l.Trim() == "```yaml") + 1;
        var shown = Lines(readme.Skip(start).TakeWhile(l => l.Trim() != "```")).ToList();
        var file = Lines(File.ReadLines(Repo.Path("experiments", "sumfirst.yaml"))).ToList();
        Assert.Contains("name: sumfirst", shown);
        int at = 0;
        foreach (var line in shown)                       // in the file, in order (the README may leave lines out)
        {
            at = file.IndexOf(line, at);
            Assert.True(at >= 0, $"README's sumfirst.yaml has `{line}`, which experiments/sumfirst.yaml does not (in that order)");
            at++;
        }
    }

    static (string Prefix, string File, string Evidence)? Elsewhere(string command) =>
        RunElsewhere.Where(r => command.StartsWith(r.Prefix, StringComparison.Ordinal)).Select(r => ((string, string, string)?)r).FirstOrDefault();

    /// <summary>The commands of each ```bash block: comments dropped, `\` continuations joined.</summary>
    static List<List<string>> Blocks()
    {
        var blocks = new List<List<string>>();
        List<string>? block = null;
        var pending = new StringBuilder();
        foreach (var raw in File.ReadLines(Repo.Path("README.md")))
        {
            if (block is null) { if (raw.Trim() == "```bash") block = []; continue; }
            if (raw.Trim() == "```") { blocks.Add(block); block = null; continue; }
            string line = Regex.Replace(raw, @"\s{2,}#.*$", "").Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.EndsWith('\\')) { pending.Append(line[..^1]); continue; }
            block.Add(pending.Append(line).ToString());
            pending.Clear();
        }
        Assert.NotEmpty(blocks);
        return blocks;
    }

    /// <summary>Splits a command as a POSIX shell would for the quoting the README uses ('…' and "…").</summary>
    static IEnumerable<string> Words(string command)
    {
        var word = new StringBuilder();
        char quote = '\0';
        bool any = false;
        foreach (char c in command)
        {
            if (quote != '\0') { if (c == quote) quote = '\0'; else word.Append(c); }
            else if (c is '\'' or '"') { quote = c; any = true; }
            else if (c == ' ') { if (word.Length > 0 || any) yield return word.ToString(); word.Clear(); any = false; }
            else word.Append(c);
        }
        if (word.Length > 0 || any) yield return word.ToString();
    }

    /// <summary>A word with `*` becomes the matching files, sorted, as the shell expands it.</summary>
    static IEnumerable<string> Glob(string word)
    {
        if (!word.Contains('*')) return [word];
        string dir = Path.GetDirectoryName(word) is { Length: > 0 } d ? d : ".";
        var files = Directory.GetFiles(dir, Path.GetFileName(word)).Select(f => Path.Combine(Path.GetDirectoryName(word)!, Path.GetFileName(f))).Order().ToList();
        Assert.True(files.Count > 0, $"{word} matches no file");
        return files;
    }

    static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(dir.Replace(from, to));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to));
    }
}
