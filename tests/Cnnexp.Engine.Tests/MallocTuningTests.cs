using Cnnexp.Engine.Native;

namespace Cnnexp.Engine.Tests;

public class MallocTuningTests
{
    static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Tunes_unless_the_user_chose_glibc_settings()
    {
        if (!OperatingSystem.IsLinux()) return;
        Assert.Null(MallocTuning.Decide(Env()));
        Assert.Null(MallocTuning.Decide(Env(("GLIBC_TUNABLES", "glibc.rtld.nns=2"))));
        Assert.Contains("MALLOC_MMAP_THRESHOLD_", MallocTuning.Decide(Env(("MALLOC_MMAP_THRESHOLD_", "65536"))));
        Assert.Contains("MALLOC_TRIM_THRESHOLD_", MallocTuning.Decide(Env(("MALLOC_TRIM_THRESHOLD_", "0"))));
        Assert.Contains("GLIBC_TUNABLES", MallocTuning.Decide(Env(("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=0"))));
        Assert.Contains("CNNEXP_MALLOC=default", MallocTuning.Decide(Env(("CNNEXP_MALLOC", "default"))));
    }

    [Fact]
    public void Loading_libtorch_applies_the_tuning_once()
    {
        NativeRuntime.EnsureLoaded(threads: 1);
        string expected = MallocTuning.Decide(Environment.GetEnvironmentVariable) ?? "tuned (mmap threshold 32 MB, trim threshold 128 MB)";
        Assert.Equal(expected, MallocTuning.State);
        Assert.Equal(expected, MallocTuning.Apply());
    }
}
