using Cnnexp.Results;

namespace Cnnexp.Engine.Tests.Training;

[Collection("training")]
public class KilledUnitTests
{
    [Fact]
    public void A_first_epoch_row_whose_state_was_never_written_is_not_kept_twice()
    {
        var plan = TinyRun.Plan(TinyRun.TwoModels);
        string whole = TinyRun.NewDir(), killed = TinyRun.NewDir();
        TinyRun.Run(plan, whole);
        // A process killed after appending epoch 1's row and before state.json recorded the epoch.
        var unit = UnitPaths.For(killed, "rgb", 1);
        Directory.CreateDirectory(unit.Dir);
        MetricsCsv.Write(unit.Metrics, MetricsCsv.Read(UnitPaths.For(whole, "rgb", 1).Metrics).Take(1));
        unit.WriteState(new UnitState { Model = "rgb", Seed = 1, Status = UnitStatus.Running });

        TinyRun.Run(plan, killed);

        Assert.Equal(TinyRun.Metrics(whole), TinyRun.Metrics(killed));
    }
}
