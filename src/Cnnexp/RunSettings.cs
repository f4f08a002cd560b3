using Cnnexp.Engine.Training;

namespace Cnnexp;

/// <summary>Options of a run; every field has a sensible default.</summary>
public sealed record RunSettings
{
    /// <summary>Run directory; default <c>runs/NAME/STAMP-HASH</c>. An existing run of the same spec there is resumed.</summary>
    public string? OutDir { get; init; }

    /// <summary>CPU threads for libtorch; 0: $CNNEXP_THREADS, $SLURM_CPUS_PER_TASK or all cores.</summary>
    public int Threads { get; init; }

    /// <summary>Draw figures after training.</summary>
    public bool Figures { get; init; } = true;

    /// <summary>Progress and epoch callbacks.</summary>
    public TrainingCallbacks Callbacks { get; init; } = new();

    /// <summary>Train only the units (model, seed) this accepts; null: all.</summary>
    public Func<string, int, bool>? Only { get; init; }

    /// <summary>Recorded in the manifest.</summary>
    public string? CommandLine { get; init; }
}
