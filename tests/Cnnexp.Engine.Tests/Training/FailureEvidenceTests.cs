using Cnnexp.Engine.Training;
using Cnnexp.Results;

namespace Cnnexp.Engine.Tests.Training;

/// <summary>A unit that fails for an unexpected reason keeps the evidence: type, message and stack, where a user can find them.</summary>
[Collection("training")]
public class FailureEvidenceTests
{
    [Fact]
    public void An_unexpected_exception_keeps_its_type_and_stack_in_state_json_and_run_log()
    {
        var plan = TinyRun.Plan(TinyRun.TwoModels.Replace("seeds: [0, 1]", "seeds: [0]").Replace("epochs: 3", "epochs: 1"));
        string dir = TinyRun.NewDir();
        var console = new List<string>();
        try
        {
            ExperimentRunner.Run(plan, new RunOptions
            {
                OutDir = dir, Threads = 1, Log = console.Add,
                Callbacks = new TrainingCallbacks { Epoch = m => { if (m.Model == "rgb") Explode(); } },
            });
            var state = UnitPaths.For(dir, "rgb", 0).ReadState()!;
            Assert.Equal(Results.UnitStatus.Failed, state.Status);
            Assert.Equal("NullReferenceException: nothing here", state.Message);
            Assert.Contains("System.NullReferenceException: nothing here", state.Error);
            Assert.Contains(nameof(Explode), state.Error);                          // the stack names where it happened
            string log = File.ReadAllText(Path.Combine(dir, RunFiles.Log));
            Assert.Contains($"at {typeof(FailureEvidenceTests).FullName}.{nameof(Explode)}", log);
            string line = Assert.Single(console, l => l.StartsWith("rgb seed 0: failed", StringComparison.Ordinal));
            Assert.Contains("stack trace in run.log and units/rgb/seed0/state.json", line.Replace('\\', '/'));
            Assert.DoesNotContain("   at ", string.Join("\n", console));             // the console keeps one line
            Assert.Equal(Results.UnitStatus.Done, UnitPaths.For(dir, "sum", 0).ReadState()!.Status);   // the other model goes on
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    static void Explode() => throw new NullReferenceException("nothing here");
}
