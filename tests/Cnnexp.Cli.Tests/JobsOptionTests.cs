namespace Cnnexp.Cli.Tests;

/// <summary>`run --jobs` and `--threads`: a budget the machine cannot give is an error naming the option, exit 2, nothing trained.</summary>
public class JobsOptionTests
{
    [Theory]
    [InlineData("--jobs", "0", "--jobs must be `auto` or a whole number from 1 to ")]
    [InlineData("--jobs", "many", "--jobs must be `auto` or a whole number from 1 to ")]
    [InlineData("--jobs", "100000", "--jobs 100000 x --threads 1 = 100000 threads, more than this machine's")]
    [InlineData("--threads", "0", "--threads must be a whole number from 1 to ")]
    [InlineData("--threads", "100000", "--threads 100000 is more than this machine's")]
    [InlineData("--threads", "100000", "use a whole number from 1 to ")]
    public async Task A_bad_thread_budget_exits_2_naming_the_option(string option, string value, string message)
    {
        string outDir = Path.Combine(Cli.TempDir(), "run");
        var result = await Cli.Run("run", Repo.Path("experiments", "quickstart.yaml"), "--out", outDir, "--quiet", option, value,
            "--set", "train.epochs=1", "--set", "data.limit=100");
        Assert.True(result.ExitCode == 2, result.Output);
        Assert.Contains(message, result.Output);
        Assert.DoesNotContain("   at ", result.Output);                       // no stack trace
        Assert.False(File.Exists(Path.Combine(outDir, "metrics.csv")));
    }
}
