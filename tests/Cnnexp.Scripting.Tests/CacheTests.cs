using System.Diagnostics;
using Cnnexp.Scripting.Loading;
using Xunit.Abstractions;

namespace Cnnexp.Scripting.Tests;

public class CacheTests(ITestOutputHelper output)
{
    [Fact]
    public void Unchanged_hooks_come_from_the_cache_and_editing_a_loaded_file_recompiles()
    {
        using var ws = new Workspace()
            .Write("hooks/lib.csx", "static double Half(double x) => x / 2;\n")
            .Write("hooks/main.csx", $"#load \"lib.csx\"\n// {Guid.NewGuid()}: new content, never cached\nOnEpochEnd(e => e.Record(\"half\", Half(e.Metrics.TestAccuracy)));\n")
            .Write("study.yaml", Workspace.TinySpec("cached", "hooks: [hooks/main.csx]"));
        var spec = ws.Load("study.yaml").Spec!;
        var options = new HookOptions { CacheDirectory = ws.Path("cache") };
        (LoadedScript Script, double Seconds) Load()
        {
            var clock = Stopwatch.StartNew();
            var result = HookLoader.Load(spec, options);
            Assert.True(result.Ok, string.Join("\n", result.Diagnostics));
            return (result.Hooks!.Scripts.Single(), clock.Elapsed.TotalSeconds);
        }

        var cold = Load();
        var warm = Load();
        output.WriteLine($"compiled: {cold.Seconds * 1000:F0} ms; from the cache: {warm.Seconds * 1000:F1} ms");
        Assert.False(cold.Script.FromCache);
        Assert.True(warm.Script.FromCache);
        Assert.True(warm.Seconds < cold.Seconds / 5 && warm.Seconds < 0.5, $"cache {warm.Seconds:F3} s vs compile {cold.Seconds:F3} s");
        Assert.Equal(2, warm.Script.Sources.Count);                                      // main.csx and the lib.csx it loads

        File.AppendAllText(ws.Path("hooks", "lib.csx"), "static double Third(double x) => x / 3;\n");
        Assert.False(Load().Script.FromCache);                                           // a changed #load invalidates the entry
        Assert.True(Load().Script.FromCache);
    }
}
