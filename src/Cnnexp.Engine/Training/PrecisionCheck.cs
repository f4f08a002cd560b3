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

    /// <summary>
    /// A warning when bf16 will run emulated: on a CPU without AVX512-BF16 or AMX libtorch computes bf16
    /// in software (measured 15x slower than fp32 for the notebook's model on an AVX2 EPYC).
    /// </summary>
    public static string? Warning(ExperimentPlan plan, bool cuda)
    {
        if (cuda || CpuFeatures.HasBf16) return null;
        var models = plan.Models.Where(m => m.TrainFor(plan.Spec).Precision == Precision.Bf16).Select(m => m.Name).ToList();
        return models.Count == 0 ? null
            : $"warning: {string.Join(", ", models)} train in bf16, but this CPU has neither AVX512-BF16 nor AMX " +
              $"(flags: {string.Join(" ", CpuFeatures.Present)}): libtorch emulates bf16 here, probably much slower than fp32 (docs/training.md)";
    }
}
