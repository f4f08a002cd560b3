using Cnnexp.Engine.Host;
using Cnnexp.Engine.Training;
using Cnnexp.Hooks;

namespace Cnnexp;

/// <summary>
/// Options of a run; every field has a sensible default. The environment is read once, when a run
/// starts with <see cref="Host"/> unset (<see cref="HostSettings.FromEnvironment"/>), and passed down from there.
/// </summary>
public sealed record RunSettings
{
    /// <summary>Run directory; default <c>runs/NAME/STAMP-HASH</c>. An existing run of the same spec there is resumed.</summary>
    public string? OutDir { get; init; }

    /// <summary>libtorch threads per unit; 0: chosen with <see cref="Jobs"/> for the cores this process may use ($CNNEXP_THREADS, $SLURM_CPUS_PER_TASK or all).</summary>
    public int Threads { get; init; }

    /// <summary>Units (model x seed) trained side by side in this process; null: as many as there are cores, one thread each (docs/training.md).</summary>
    public int? Jobs { get; init; }

    /// <summary>
    /// Convolutions channels-last (true, faster on CPU) or in PyTorch's NCHW layout (false) in a new
    /// run; null: $CNNEXP_LAYOUT, else channels-last on CPU. A run directory keeps the layout its
    /// manifest records.
    /// </summary>
    public bool? ChannelsLast { get; init; }

    /// <summary>
    /// bf16 emulated in fp32 arithmetic on bf16-rounded values (true) or in libtorch's bf16 kernels (false)
    /// in a new run; null: $CNNEXP_BF16, else emulated on a CPU without AVX512-BF16 or AMX (docs/training.md).
    /// A run directory keeps the mode its manifest records; on CUDA bf16 always runs in the GPU's kernels.
    /// </summary>
    public bool? EmulateBf16 { get; init; }

    /// <summary>Cores, layout, data cache and hook cache from the environment; null: read when the run starts.</summary>
    public HostSettings? Host { get; init; }

    /// <summary>Draw figures after training.</summary>
    public bool Figures { get; init; } = true;

    /// <summary>Progress and epoch callbacks (engine level; <see cref="Experiment.RunAsync"/> also reports to an IProgress).</summary>
    public TrainingCallbacks Callbacks { get; init; } = new();

    /// <summary>Train only the units (model, seed) this accepts; null: all.</summary>
    public Func<string, int, bool>? Only { get; init; }

    /// <summary>Recorded in the manifest.</summary>
    public string? CommandLine { get; init; }

    /// <summary>Receives each line of the run log; null: none (besides run.log).</summary>
    public Action<string>? Log { get; init; }

    /// <summary>False refuses specs that name scripts (`--no-hooks`): hooks are code that runs with your rights.</summary>
    public bool AllowHooks { get; init; } = true;

    /// <summary>Where compiled hooks are cached; null: <see cref="Host"/>'s ($CNNEXP_CACHE/hooks or ~/.cache/cnnexp/hooks).</summary>
    public string? HookCache { get; init; }

    /// <summary>Hooks written in code (F# or C#), run after the spec's own `hooks:` files: callbacks, metrics and figures.</summary>
    public IReadOnlyList<HookSet> Hooks { get; init; } = [];

    /// <summary>The data set being loaded while the hooks compiled (<see cref="Experiment.PlanWhileDataLoads"/>); the run disposes it.</summary>
    internal Task<Engine.Data.LoadedDataset>? Data { get; init; }
}
