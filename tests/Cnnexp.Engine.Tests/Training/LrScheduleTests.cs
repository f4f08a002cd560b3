using Cnnexp.Engine.Training;
using Cnnexp.Spec.Model;

namespace Cnnexp.Engine.Tests.Training;

public class LrScheduleTests
{
    static TrainSpec Train(ScheduleSpec s, int epochs = 10, double lr = 0.1) =>
        new() { Epochs = epochs, Optimizer = new OptimizerSpec { Lr = lr }, Schedule = s };

    [Fact]
    public void Constant_is_constant() => Assert.Equal(0.1, LrSchedule.At(Train(new()), 7.5));

    [Fact]
    public void Step_decays_every_step_size_epochs()
    {
        var t = Train(new ScheduleSpec { Kind = ScheduleKind.Step, StepSize = 3, Gamma = 0.5 });
        Assert.Equal(0.1, LrSchedule.At(t, 2.99), 12);
        Assert.Equal(0.05, LrSchedule.At(t, 3), 12);
        Assert.Equal(0.025, LrSchedule.At(t, 6.5), 12);
    }

    [Fact]
    public void Multistep_decays_at_milestones()
    {
        var t = Train(new ScheduleSpec { Kind = ScheduleKind.Multistep, Milestones = [2, 5], Gamma = 0.1 });
        Assert.Equal(0.1, LrSchedule.At(t, 1.9), 12);
        Assert.Equal(0.01, LrSchedule.At(t, 2), 12);
        Assert.Equal(0.001, LrSchedule.At(t, 9), 12);
    }

    [Fact]
    public void Cosine_goes_from_lr_to_min_lr()
    {
        var t = Train(new ScheduleSpec { Kind = ScheduleKind.Cosine, MinLr = 0.001 });
        Assert.Equal(0.1, LrSchedule.At(t, 0), 12);
        Assert.Equal((0.1 + 0.001) / 2, LrSchedule.At(t, 5), 12);
        Assert.Equal(0.001, LrSchedule.At(t, 10), 12);
    }

    [Fact]
    public void Onecycle_peaks_at_pct_start()
    {
        var t = Train(new ScheduleSpec { Kind = ScheduleKind.Onecycle, PctStart = 0.3 });
        Assert.Equal(0.1 / 25, LrSchedule.At(t, 0), 12);
        Assert.Equal(0.1, LrSchedule.At(t, 3), 12);
        Assert.True(LrSchedule.At(t, 10) < 1e-5);
    }

    [Fact]
    public void Warmup_rises_linearly_then_hands_over()
    {
        var t = Train(new ScheduleSpec { WarmupEpochs = 2 });
        Assert.Equal(0, LrSchedule.At(t, 0), 12);
        Assert.Equal(0.05, LrSchedule.At(t, 1), 12);
        Assert.Equal(0.1, LrSchedule.At(t, 2), 12);
    }
}
