using System.Runtime.InteropServices;

namespace Cnnexp.Engine.Native;

/// <summary>
/// Keeps glibc from handing training's activation buffers back to the kernel after every step.
/// </summary>
/// <remarks>
/// A training step allocates and frees the same few megabyte-sized tensors (activations and their
/// gradients) hundreds of times per epoch. With glibc's defaults those blocks are returned to the
/// kernel (mmap/munmap, heap trimming) and every page is faulted in and zeroed again on the next
/// step: 2,000-3,500 page faults per step for the notebook's model, about a quarter of its step
/// time on a 2-core machine (docs/benchmarks.md). Raising the mmap threshold to its maximum
/// (32 MB) and the trim threshold to 128 MB keeps those blocks in the heap; the data set itself
/// (well above 32 MB) is still mapped on its own and returned when freed. The price: memory
/// freed late (by the .NET garbage collector rather than the step's dispose scope) is kept by
/// the heap instead of being unmapped, so nothing in a step may rely on the collector
/// (NativeMemoryTests). Users who set glibc's own variables (MALLOC_MMAP_THRESHOLD_,
/// MALLOC_TRIM_THRESHOLD_, GLIBC_TUNABLES) keep theirs, and CNNEXP_MALLOC=default turns this off.
/// </remarks>
public static class MallocTuning
{
    const int MTrimThreshold = -1, MMmapThreshold = -3;                  // glibc's malloc.h
    public const int MmapThreshold = 32 << 20, TrimThreshold = 128 << 20;

    /// <summary>What was decided: "tuned (…)", or why not.</summary>
    public static string State { get; private set; } = "not applied";

    /// <summary>Applies the thresholds once per process on Linux with glibc; returns <see cref="State"/>.</summary>
    public static string Apply()
    {
        if (State != "not applied") return State;
        State = Decide(Environment.GetEnvironmentVariable) ?? Set();
        return State;
    }

    /// <summary>Why the thresholds must be left alone, or null to set them.</summary>
    public static string? Decide(Func<string, string?> env)
    {
        if (!OperatingSystem.IsLinux()) return "glibc defaults (not Linux)";
        if (string.Equals(env("CNNEXP_MALLOC")?.Trim(), "default", StringComparison.OrdinalIgnoreCase)) return "glibc defaults (CNNEXP_MALLOC=default)";
        foreach (var name in new[] { "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_" })
            if (!string.IsNullOrEmpty(env(name))) return $"user's settings ({name} is set)";
        if (env("GLIBC_TUNABLES") is { } t && t.Contains("glibc.malloc.", StringComparison.Ordinal)) return "user's settings (GLIBC_TUNABLES is set)";
        return null;
    }

    static string Set()
    {
        try
        {
            return mallopt(MMmapThreshold, MmapThreshold) == 1 && mallopt(MTrimThreshold, TrimThreshold) == 1
                ? $"tuned (mmap threshold {MmapThreshold >> 20} MB, trim threshold {TrimThreshold >> 20} MB)"
                : "glibc defaults (mallopt refused)";
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return "glibc defaults (no mallopt: not glibc)";
        }
    }

    static int trims;

    /// <summary>How many times this process trimmed the tuned heap (a study trims once per unit).</summary>
    public static int Trims => Volatile.Read(ref trims);

    /// <summary>
    /// Hands the heap's free memory back to the kernel. The thresholds keep up to 128 MB of freed
    /// blocks per malloc arena for the next step; between units nothing reuses them, and without a
    /// trim a study's resident memory crept up by about that much per arena (docs/benchmarks.md).
    /// </summary>
    public static void Trim()
    {
        if (!State.StartsWith("tuned", StringComparison.Ordinal)) return;
        Interlocked.Increment(ref trims);
        try { malloc_trim(0); }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException) { }
    }

    [DllImport("libc", ExactSpelling = true)]
    static extern int mallopt(int param, int value);

    [DllImport("libc", ExactSpelling = true)]
    static extern int malloc_trim(nuint pad);
}
