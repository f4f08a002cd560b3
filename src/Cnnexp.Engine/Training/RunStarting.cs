namespace Cnnexp.Engine.Training;

/// <summary>A run about to train: its name, directory, models and seeds, and the run log.</summary>
public sealed record RunStarting(string Name, string OutDir, IReadOnlyList<string> Models, IReadOnlyList<int> Seeds, bool Resuming,
    Action<string> Log);
