using System.Text.Json;

namespace Cnnexp.Results.Tests;

/// <summary>One status vocabulary in every file, and run directories written by 0.3 still read.</summary>
public class UnitStatusTests
{
    [Fact]
    public void States_and_seed_results_write_the_same_tokens()
    {
        var state = new UnitState { Model = "a", Seed = 0, Status = UnitStatus.Stopped, Message = "early stopping" };
        Assert.Contains("\"status\": \"stopped\"", JsonSerializer.Serialize(state, RunFiles.Json));
        var seed = new SeedResult { Seed = 0, Epochs = 3, FinalTrainLoss = 1, FinalTestLoss = 1, FinalTestAccuracy = 0.5, StopReason = "x" } with { Status = UnitStatus.Stopped };
        string json = JsonSerializer.Serialize(seed, RunFiles.Json);
        Assert.Contains("\"status\": \"stopped\"", json);
        Assert.Contains("\"stop_reason\": \"x\"", json);
        Assert.Equal(seed, JsonSerializer.Deserialize<SeedResult>(json, RunFiles.Json)! with { PerClassAccuracy = seed.PerClassAccuracy, Confusion = seed.Confusion });
    }

    [Theory]
    [InlineData("completed", UnitStatus.Done)]
    [InlineData("done", UnitStatus.Done)]
    [InlineData("training loss became NaN at epoch 3; this model/seed was stopped", UnitStatus.Stopped)]
    [InlineData("early stopping: no improvement for 2 epochs", UnitStatus.Stopped)]
    public void Seed_results_written_by_0_3_still_read(string written, UnitStatus expected)
    {
        string json = $$"""{ "seed": 1, "epochs": 2, "final_train_loss": 1, "final_test_loss": 1, "final_test_accuracy": 0.5, "status": "{{written}}" }""";
        Assert.Equal(expected, JsonSerializer.Deserialize<SeedResult>(json, RunFiles.Json)!.Status);
    }

    [Fact]
    public void Finished_means_done_or_stopped()
    {
        Assert.Equal([UnitStatus.Done, UnitStatus.Stopped], Enum.GetValues<UnitStatus>().Where(s => s.IsFinished()));
        Assert.Equal("failed", UnitStatus.Failed.Token());
    }
}
