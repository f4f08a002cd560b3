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
    /// One line on how bf16 runs, when a model trains in it. Emulated (the default on a CPU without
    /// AVX512-BF16 or AMX) it has bf16's rounding at about fp32's speed, no faster; libtorch's own bf16 kernels on
    /// such a CPU are software loops (measured 10x slower than fp32 for the notebook's model on an AVX2 EPYC),
    /// hence a warning. <paramref name="recorded"/>: the mode came from the manifest of the run being resumed.
    /// Null for runs without bf16.
    /// </summary>
    public static string? Note(ExperimentPlan plan, bool cuda, bool emulated, bool recorded = false)
    {
        var models = Bf16Models(plan);
        if (models.Count == 0) return null;
        string who = $"{string.Join(", ", models)} train{(models.Count == 1 ? "s" : "")} in bf16";
        if (cuda) return $"note: {who} in the GPU's bf16 kernels";
        string flags = CpuFeatures.Present.Count > 0 ? $"flags: {string.Join(" ", CpuFeatures.Present)}" : "its flags could not be read";
        string why = recorded ? "as manifest.json records" : "as CNNEXP_BF16 asks";
        if (emulated)
            return CpuFeatures.HasBf16 || recorded
                ? $"note: {who}, emulated {why}: fp32 arithmetic on bf16-rounded values, bf16's rounding without its speed (docs/training.md)"
                : $"warning: {who}, but this CPU has no AVX512-BF16 or AMX ({flags}): cnnexp emulates bf16 " +
                  "(fp32 arithmetic on bf16-rounded values): bf16's rounding, and no faster than fp32 (docs/training.md)";
        return CpuFeatures.HasBf16
            ? $"note: {who} in libtorch's bf16 kernels, in hardware ({flags})"
            : $"warning: {who} in libtorch's bf16 kernels ({why}), but this CPU has no AVX512-BF16 or AMX " +
              $"({flags}): they run in software, about 10x slower than fp32 (docs/training.md)";
    }
}
