using Cnnexp.Spec.Model;

namespace Cnnexp.Engine.Training;

/// <summary>
/// The learning rate as a pure function of training progress, so a resumed run sets exactly the
/// rate an uninterrupted one would. <c>progress</c> counts epochs: 0 at the first batch,
/// <c>epoch - 1 + batch / batches</c> in general.
/// </summary>
public static class LrSchedule
{
    public static double At(TrainSpec train, double progress)
    {
        var s = train.Schedule;
        double lr = train.Optimizer.Lr, total = train.Epochs;
        double rate = s.Kind switch
        {
            ScheduleKind.Constant => lr,
            ScheduleKind.Step => lr * Math.Pow(s.Gamma, Math.Floor(progress / s.StepSize)),
            ScheduleKind.Multistep => lr * Math.Pow(s.Gamma, s.Milestones.Count(m => progress >= m)),
            ScheduleKind.Cosine => s.MinLr + (lr - s.MinLr) * (1 + Math.Cos(Math.PI * Math.Min(1, progress / total))) / 2,
            ScheduleKind.Onecycle => OneCycle(lr, s.PctStart, progress / total),
            _ => lr,
        };
        if (s.WarmupEpochs > 0 && progress < s.WarmupEpochs)
            rate *= progress / s.WarmupEpochs;
        return rate;
    }

    /// <summary>PyTorch's OneCycleLR (cosine annealing): lr/25 → lr over pct_start, then → lr/25e4.</summary>
    static double OneCycle(double maxLr, double pctStart, double t)
    {
        double start = maxLr / 25, end = start / 1e4;
        static double Cos(double from, double to, double f) => to + (from - to) * (1 + Math.Cos(Math.PI * Math.Clamp(f, 0, 1))) / 2;
        return t < pctStart ? Cos(start, maxLr, t / pctStart) : Cos(maxLr, end, (t - pctStart) / (1 - pctStart));
    }
}
