using System.Diagnostics;
using Cnnexp.Fuzz.Targets;

namespace Cnnexp.Fuzz.Tests;

/// <summary>
/// Replays the fuzz corpus (fuzz/corpus/TARGET/) and every input the fuzzer ever crashed or hung
/// on (fuzz/crashes/TARGET/) through the same target code as the AFL harness, in-process: each
/// must finish in time, refused the way the tool refuses bad input (a diagnostic, a DataException)
/// or accepted, never with another exception. A fixed finding stays fixed.
/// </summary>
public class CorpusReplayTests
{
    /// <summary>Far above any corpus file's time (tens of milliseconds), far below a hang.</summary>
    static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in FuzzTargets.All.Keys)
            foreach (var folder in new[] { "corpus", "crashes" })
            {
                string dir = Repo.Path("fuzz", folder, target);
                if (!Directory.Exists(dir)) continue;
                foreach (var file in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
                    data.Add(target, Path.GetRelativePath(Repo.Root, file));
            }
        return data;
    }

    [Theory, MemberData(nameof(Inputs))]
    public async Task Input_is_accepted_or_refused_in_time(string target, string file)
    {
        var run = FuzzTargets.Get(target);
        byte[] input = File.ReadAllBytes(Repo.Path(file));
        var clock = Stopwatch.StartNew();
        var task = Task.Factory.StartNew(() => run(input), TaskCreationOptions.LongRunning);
        if (await Task.WhenAny(task, Task.Delay(Limit)) != task)
            Assert.Fail($"{target} {file}: still running after {Limit.TotalSeconds} s (a hang)");
        await task;                                           // rethrows the target's exception: a finding
        Assert.True(clock.Elapsed < Limit, $"{target} {file}: took {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void Every_target_has_a_corpus()
    {
        foreach (var target in FuzzTargets.All.Keys)
            Assert.True(Directory.Exists(Repo.Path("fuzz", "corpus", target)) && Directory.GetFiles(Repo.Path("fuzz", "corpus", target)).Length > 0,
                $"fuzz/corpus/{target} is missing or empty");
    }

    [Fact]
    public void The_corpus_stays_small()
    {
        long bytes = new[] { "corpus", "crashes" }.Select(f => Repo.Path("fuzz", f)).Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*", SearchOption.AllDirectories)).Sum(f => new FileInfo(f).Length);
        Assert.True(bytes < 2_000_000, $"fuzz/corpus and fuzz/crashes hold {bytes:N0} bytes; minimise with afl-cmin (docs/robustness.md)");
    }
}
