using Cnnexp.Results;

namespace Cnnexp.Engine.Training;

/// <summary>How to run an experiment: where to write, how many threads, where to report progress.</summary>
public sealed record RunOptions
{
    /// <summary>The run directory; created if missing, continued if it holds a run of the same spec.</summary>
    public required string OutDir { get; init; }

    /// <summary>libtorch threads per unit; 0: chosen with <see cref="Jobs"/> (<see cref="ThreadBudget"/>).</summary>
    public int Threads { get; init; }

    /// <summary>Cores this run may use in all; 0: every core (the edge passes <see cref="Host.HostSettings.Cores"/>: $CNNEXP_THREADS, $SLURM_CPUS_PER_TASK or all).</summary>
    public int Cores { get; init; }

    /// <summary>Units trained side by side in this process; null: chosen for the machine's cores (<see cref="ThreadBudget"/>).</summary>
    public int? Jobs { get; init; }

    /// <summary>One line per event (epoch finished, unit skipped); null for silence.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Progress and epoch callbacks (live display, hooks).</summary>
    public TrainingCallbacks Callbacks { get; init; } = new();

    /// <summary>Which units (model, seed) to train; null: all. Others are left as they are.</summary>
    public Func<string, int, bool>? Only { get; init; }

    /// <summary>The data set already being loaded (e.g. while hooks compiled); null: loaded by the run. The run disposes it.</summary>
    public Task<Data.LoadedDataset>? Data { get; init; }

    /// <summary>
    /// Convolutions channels-last (true) or NCHW (false) in a new run; null: channels-last on CPU
    /// (the edge passes $CNNEXP_LAYOUT here). A run directory with a manifest keeps the layout it records.
    /// </summary>
    public bool? ChannelsLast { get; init; }

    /// <summary>
    /// bf16 emulated in fp32 arithmetic (true) or in libtorch's bf16 kernels (false) in a new run; null:
    /// emulated on a CPU without bf16 instructions (<see cref="Modules.Autocast.EmulatesBf16"/>; the edge
    /// passes $CNNEXP_BF16 here). A run directory with a manifest keeps the mode it records.
    /// </summary>
    public bool? EmulateBf16 { get; init; }

    /// <summary>Where data sets are found and whether they may be downloaded (the edge fills it from the environment).</summary>
    public Data.DataOptions DataOptions { get; init; } = new();

    /// <summary>The command line, recorded in the manifest.</summary>
    public string? CommandLine { get; init; }
}
