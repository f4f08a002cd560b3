namespace Cnnexp.Engine.Native;

/// <summary>The CPU's instruction-set flags that decide how fast training runs (from /proc/cpuinfo on Linux).</summary>
public static class CpuFeatures
{
    /// <summary>The flags that matter for cnnexp, as the kernel names them, in this order.</summary>
    static readonly string[] Relevant = ["avx2", "fma", "avx512f", "avx512_bf16", "amx_tile", "amx_bf16", "avx512_fp16"];

    static readonly Lazy<IReadOnlyList<string>> Flags = new(Read);

    /// <summary>Those of <see cref="Relevant"/> this CPU has (empty where /proc/cpuinfo is unreadable).</summary>
    public static IReadOnlyList<string> Present => Flags.Value;

    /// <summary>True when bf16 matrix arithmetic runs in hardware (AVX512-BF16 or AMX); elsewhere cnnexp emulates bf16 (Modules.Autocast), at about fp32's speed.</summary>
    public static bool HasBf16 => Present.Contains("avx512_bf16") || Present.Contains("amx_bf16");

    static IReadOnlyList<string> Read()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal));
            if (line is null) return [];
            var flags = line[(line.IndexOf(':') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            return Relevant.Where(flags.Contains).ToList();
        }
        catch (IOException) { return []; }
        catch (UnauthorizedAccessException) { return []; }
    }
}
