namespace Cnnexp.Engine.Training;

/// <summary>A run directory holds a run of a different spec: resuming into it would mix results (exit code 2).</summary>
public sealed class SpecChangedException(string runDir, string diff) : Exception(
    $"the run directory {runDir} holds a run of a different spec; refusing to mix their results.\n" +
    $"Differences (- in the directory, + now):\n{diff}" +
    "Use a new --out directory, or undo the change to resume.")
{
    public string Diff { get; } = diff;
}
