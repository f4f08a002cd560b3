namespace Cnnexp.Hooks;

/// <summary>Training is about to start: the data is loaded and the run directory is ready.</summary>
public sealed class RunStart
{
    readonly Action<string> log;

    internal RunStart(string experiment, string outDir, IReadOnlyList<string> models, IReadOnlyList<int> seeds, bool resuming, Action<string> log)
    {
        (Experiment, OutDir, Models, Seeds, Resuming, this.log) = (experiment, outDir, models, seeds, resuming, log);
    }

    /// <summary>The spec's `name`.</summary>
    public string Experiment { get; }

    /// <summary>The run directory; a hook may write its own files here.</summary>
    public string OutDir { get; }

    public IReadOnlyList<string> Models { get; }
    public IReadOnlyList<int> Seeds { get; }

    /// <summary>True when this continues an interrupted run (finished models and seeds are skipped).</summary>
    public bool Resuming { get; }

    /// <summary>Writes a line to run.log and the console, prefixed with the hook's name.</summary>
    public void Log(string message) => log(message);
}
