namespace Cnnexp;

/// <summary>Options of a run; every field has a sensible default.</summary>
public sealed record RunSettings
{
    /// <summary>Run directory; default <c>runs/NAME/STAMP-HASH</c> under the current directory.</summary>
    public string? OutDir { get; init; }

    /// <summary>CPU threads for libtorch; 0: $CNNEXP_THREADS, $SLURM_CPUS_PER_TASK or all cores.</summary>
    public int Threads { get; init; }

    /// <summary>Draw figures after training.</summary>
    public bool Figures { get; init; } = true;
}
