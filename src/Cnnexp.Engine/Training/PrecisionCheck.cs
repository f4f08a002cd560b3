using Cnnexp.Engine.Native;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Engine.Training;

/// <summary>What a run's precision means on this machine, said once at the start of the run.</summary>
public static class PrecisionCheck
{
    /// <summary>Each model's precision as manifest.json records it (<c>fp32</c>, <c>bf16</c>, <c>fp16</c>).</summary>
    public static IReadOnlyDictionary<string, string> Of(ExperimentPlan plan) =>
        plan.Models.ToDictionary(m => m.Name, m => Token(m.TrainFor(plan.Spec).Precision));

    public static string Token(Precision p) => p.ToString().ToLowerInvariant();

    /// <summary>manifest.json's <c>bf16</c>: how bf16 runs, when a model trains in it; null otherwise.</summary>
    public static string? Bf16Of(ExperimentPlan plan, bool emulated) =>
        Bf16Models(plan).Count > 0 ? Modules.Autocast.Bf16Token(emulated) : null;

    static List<string> Bf16Models(ExperimentPlan plan) =>
        plan.Models.Where(m => m.TrainFor(plan.Spec).Precision == Precision.Bf16).Select(m => m.Name).ToList();

    /// <summary>
    /// What bf16 means here, when a model trains in it on a CPU: emulated (on a CPU without AVX512-BF16 or
    /// AMX, or as $CNNEXP_BF16 asks) it has bf16's rounding at fp32's speed, no faster; libtorch's own bf16
    /// kernels on such a CPU are software loops (measured 10x slower than fp32 for the notebook's model on an
    /// AVX2 EPYC). Null on CUDA, for fp32 runs, and for native bf16 on a CPU that has the instructions.
    /// </summary>
    public static string? Note(ExperimentPlan plan, bool cuda, bool emulated)
    {
        if (cuda) return null;
        var models = Bf16Models(plan);
        if (models.Count == 0) return null;
        string flags = CpuFeatures.Present.Count > 0 ? string.Join(" ", CpuFeatures.Present) : "none read";
        string who = $"{string.Join(", ", models)} train{(models.Count == 1 ? "s" : "")} in bf16";
        if (emulated)
            return CpuFeatures.HasBf16
                ? $"note: {who}, emulated as CNNEXP_BF16 asks: fp32 arithmetic on bf16-rounded values, bf16's rounding without its speed (docs/training.md)"
                : $"warning: {who}, but this CPU has neither AVX512-BF16 nor AMX (flags: {flags}): cnnexp emulates bf16 " +
                  "(fp32 arithmetic on bf16-rounded values): bf16's rounding, and no faster than fp32 (docs/training.md)";
        return CpuFeatures.HasBf16 ? null
            : $"warning: {who} in libtorch's bf16 kernels (CNNEXP_BF16=native), but this CPU has neither AVX512-BF16 nor AMX " +
              $"(flags: {flags}): they run in software, about 10x slower than fp32 (docs/training.md)";
    }
}
