using Cnnexp.Results;

namespace Cnnexp.Hooks;

/// <summary>Every model and seed finished; summary.json and metrics.csv are written.</summary>
public sealed class RunEnd
{
    readonly Action<string> log;

    internal RunEnd(FinishedRun run, Action<string> log) => (Run, this.log) = (run, log);

    /// <summary>The run's results as records (summary, every metrics row).</summary>
    public FinishedRun Run { get; }

    /// <summary>Writes a line to run.log and the console, prefixed with the hook's name.</summary>
    public void Log(string message) => log(message);
}
