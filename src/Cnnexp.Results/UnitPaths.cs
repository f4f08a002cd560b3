namespace Cnnexp.Results;

/// <summary>Files of one unit (model × seed) inside a run directory: <c>units/MODEL/seedS/</c>.</summary>
public sealed record UnitPaths(string Dir)
{
    public static UnitPaths For(string runDir, string model, int seed) =>
        new(Path.Combine(runDir, "units", model, $"seed{seed}"));

    public string State => Path.Combine(Dir, "state.json");
    public string Metrics => Path.Combine(Dir, "metrics.csv");
    /// <summary>Weights after the last finished epoch (TorchSharp format).</summary>
    public string LastWeights => Path.Combine(Dir, "last.weights");
    /// <summary>Optimiser state after the last finished epoch.</summary>
    public string LastOptimizer => Path.Combine(Dir, "last.optimizer");
    /// <summary>Weights of the best epoch (validation accuracy when split, else test accuracy).</summary>
    public string BestWeights => Path.Combine(Dir, "best.weights");

    public UnitState? ReadState() => File.Exists(State) ? RunFiles.ReadJson<UnitState>(State) : null;
    public void WriteState(UnitState state) => RunFiles.WriteJson(State, state);
}
