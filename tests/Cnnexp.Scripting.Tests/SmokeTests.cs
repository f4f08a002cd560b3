using Cnnexp.Scripting.Loading;
using Cnnexp.Spec;

namespace Cnnexp.Scripting.Tests;

public class SmokeTests
{
    [Fact]
    public void A_script_compiles_runs_and_registers()
    {
        string dir = Path.Combine(Path.GetTempPath(), "cnnexp-tests", Guid.NewGuid().ToString("n")[..12]);
        Directory.CreateDirectory(Path.Combine(dir, "hooks"));
        File.WriteAllText(Path.Combine(dir, "hooks", "m.csx"), """
            Metric("top2", (logits, labels) => logits.topk(2).indexes.eq(labels.unsqueeze(1)).any(1).to_type(ScalarType.Float32).mean().item<float>());
            var t = tensor(new float[] { 1, 2 });
            OnEpochEnd(e => e.Record("x", t.sum().item<float>()));
            """);
        File.WriteAllText(Path.Combine(dir, "s.yaml"), """
            name: s
            hooks: [hooks/m.csx]
            models:
              a:
                layers: [flatten, linear: { out: 10 }]
            """);
        var load = SpecLoader.LoadFile(Path.Combine(dir, "s.yaml"));
        Assert.True(load.Ok, load.FormatDiagnostics());
        var cache = Path.Combine(dir, "cache");
        var first = HookLoader.Load(load.Spec!, new HookOptions { CacheDirectory = cache });
        Assert.True(first.Ok, string.Join("\n", first.Diagnostics));
        Assert.False(first.Hooks!.Scripts[0].FromCache);
        var second = HookLoader.Load(load.Spec!, new HookOptions { CacheDirectory = cache });
        Assert.True(second.Hooks!.Scripts[0].FromCache);
        Assert.Equal("top2", second.Hooks.RunHooks[0].Metrics[0].Name);
        Console.WriteLine(first.Hooks.Summary() + " / " + second.Hooks.Summary());
    }
}
