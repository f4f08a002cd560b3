using Cnnexp.Spec.Diagnostics;

namespace Cnnexp.Spec.Model;

/// <summary>Cross-field rules of the training settings; each message names both keys.</summary>
public static class TrainRules
{
    public static void Check(ExperimentSpec spec, DiagnosticBag diagnostics)
    {
        SeedsOrRepeats(spec, diagnostics);
        Training(spec, diagnostics);
    }

    /// <summary>The rules that read `seeds` and `repeats` only: checked even when `train` has errors.</summary>
    public static void Seeds(ExperimentSpec spec, DiagnosticBag diagnostics) => SeedsOrRepeats(spec, diagnostics);

    /// <summary>The rules that read `train` (the experiment's and each model's) and `data.validation`.</summary>
    public static void Training(ExperimentSpec spec, DiagnosticBag diagnostics)
    {
        EarlyStoppingNeedsValidation(spec, diagnostics);
        DeviceIsTheRuns(spec, diagnostics);
        foreach (var train in spec.Models.Select(m => m.Train).OfType<TrainSpec>().Prepend(spec.Train).Distinct())
        {
            NesterovNeedsMomentum(train.Optimizer, diagnostics);
            MomentumIsForSgd(train.Optimizer, diagnostics);
            MilestonesForMultistep(train.Schedule, train.Epochs, diagnostics);
            WarmupWithinTraining(train, diagnostics);
            Fp16NeedsCuda(train, diagnostics);
        }
    }

    static void SeedsOrRepeats(ExperimentSpec spec, DiagnosticBag d)
    {
        if (spec.Repeats is not null && spec.KeySpans.ContainsKey("seeds"))
            d.Error("conflict", "give either `seeds` or `repeats`, not both", spec.SpanOf("repeats"),
                "`repeats: N` means `seeds: [0, …, N-1]`");
        var seeds = spec.RunSeeds;
        if (seeds.Count == 0) d.Error("missing-key", "`seeds` is empty: give at least one seed", spec.SpanOf("seeds"));
        var dup = seeds.GroupBy(s => s).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) d.Error("duplicate-seed", $"seed {dup.Key} is listed twice", spec.SpanOf("seeds"), "each seed once");
    }

    static void EarlyStoppingNeedsValidation(ExperimentSpec spec, DiagnosticBag d)
    {
        if (spec.Data.ValFraction > 0) return;
        foreach (var train in spec.Models.Select(m => m.Train).OfType<TrainSpec>().Prepend(spec.Train))
            if (train.EarlyStopping is { } es)
                d.Error("conflict", "`train.early_stopping` watches a validation metric, but `data.val_fraction` is 0 (no validation split)",
                    es.Where ?? train.SpanOf("early_stopping"),
                    "add `val_fraction: 0.1` under `data:` (stopping on the test set would tune on it)");
    }

    static void NesterovNeedsMomentum(OptimizerSpec o, DiagnosticBag d)
    {
        if (o.Nesterov && (o.Kind != OptimizerKind.Sgd || o.Momentum <= 0))
            d.Error("conflict", "`optimizer.nesterov: true` needs `type: sgd` and `momentum` above 0", o.SpanOf("nesterov"),
                "set `momentum: 0.9` (and `type: sgd`), or remove `nesterov`");
    }

    static void MomentumIsForSgd(OptimizerSpec o, DiagnosticBag d)
    {
        if (o.Kind != OptimizerKind.Sgd && o.Momentum != 0)
            d.Error("conflict", $"`optimizer.momentum` applies to `type: sgd`, not `{o.Kind.ToString().ToLowerInvariant()}`",
                o.SpanOf("momentum"), "remove `momentum`, or use `type: sgd`");
    }

    static void MilestonesForMultistep(ScheduleSpec s, int epochs, DiagnosticBag d)
    {
        if (s.Kind == ScheduleKind.Multistep && s.Milestones.Count == 0)
            d.Error("missing-key", "`schedule.type: multistep` needs `milestones`, e.g. [10, 20]", s.SpanOf("type"));
        foreach (int m in s.Milestones.Where(m => m < 1 || m >= epochs))
            d.Error("out-of-range", $"milestone {m} is outside epochs 1..{epochs - 1} (`train.epochs` is {epochs})", s.SpanOf("milestones"));
    }

    /// <summary>Every unit of a run trains on one device: a model's `train` (merged over the experiment's) may not name another.</summary>
    static void DeviceIsTheRuns(ExperimentSpec spec, DiagnosticBag d)
    {
        string run = spec.Train.Device.ToString().ToLowerInvariant();
        foreach (var m in spec.Models)
            if (m.Train is { } t && t.Device != spec.Train.Device)
                d.Error("conflict", $"model `{m.Name}` sets `train.device: {t.Device.ToString().ToLowerInvariant()}`, but every model of a run trains on the experiment's `train.device` (`{run}`)",
                    t.SpanOf("device"), "set `device` in the experiment's `train`, and remove it from the model's");
    }

    static void Fp16NeedsCuda(TrainSpec t, DiagnosticBag d)
    {
        if (t.Precision == Precision.Fp16 && t.Device != DeviceKind.Cuda)
            d.Error("conflict", $"`train.precision: fp16` runs only on CUDA, and `train.device` is `{t.Device.ToString().ToLowerInvariant()}`",
                t.SpanOf("precision"), "on a CPU use `precision: bf16` (or `fp32`); for fp16 set `device: cuda`");
    }

    static void WarmupWithinTraining(TrainSpec t, DiagnosticBag d)
    {
        if (t.Schedule.WarmupEpochs > t.Epochs)
            d.Error("out-of-range", $"`schedule.warmup_epochs` ({t.Schedule.WarmupEpochs}) is longer than `train.epochs` ({t.Epochs})",
                t.Schedule.SpanOf("warmup_epochs"));
    }
}
