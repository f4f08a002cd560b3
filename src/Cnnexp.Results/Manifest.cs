namespace Cnnexp.Results;

/// <summary>manifest.json: everything needed to audit or reproduce a run.</summary>
public sealed record Manifest
{
    public required string Cnnexp { get; init; }
    public required string TorchSharp { get; init; }
    public required string LibTorch { get; init; }
    public required string DotNet { get; init; }
    public required string Os { get; init; }
    public required string Cpu { get; init; }
    public required int Cores { get; init; }
    /// <summary>
    /// libtorch threads of each unit the first process trained (a unit's metrics depend on it); a resumed run
    /// keeps them unless told otherwise. Each unit's own count is in its state.json (<see cref="UnitState.Threads"/>).
    /// </summary>
    public required int Threads { get; init; }
    /// <summary>Units trained side by side (their metrics do not depend on it); absent before 0.3 (one at a time).</summary>
    public int? Jobs { get; init; }
    public required string Device { get; init; }
    /// <summary>How convolutions store activations: <c>channels_last</c> or <c>nchw</c>; absent (NCHW) in runs of cnnexp 0.1.</summary>
    public string? Layout { get; init; }
    /// <summary>
    /// Where models with `init:` took their weights from outside the run, by model: the file or run unit and
    /// its SHA-256; absent when none did.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Init { get; init; }
    /// <summary>glibc malloc thresholds (see MallocTuning); absent in runs before it was recorded.</summary>
    public string? Malloc { get; init; }
    /// <summary>What each model's convolutions and linear layers computed in (<c>fp32</c>, <c>bf16</c>); absent in runs before 0.3 (fp32).</summary>
    public IReadOnlyDictionary<string, string>? Precision { get; init; }
    /// <summary>
    /// How bf16 ran, when a model trained in it: <c>native</c> (libtorch's bf16 kernels) or <c>emulated</c>
    /// (fp32 arithmetic on bf16-rounded values, on a CPU without bf16 instructions); absent: no bf16, or native before 0.4.
    /// </summary>
    public string? Bf16 { get; init; }
    /// <summary>The CPU's flags that matter for speed and precision (avx2, avx512_bf16, amx_bf16, …).</summary>
    public IReadOnlyList<string>? CpuFeatures { get; init; }
    public required IReadOnlyList<int> Seeds { get; init; }
    /// <summary>SHA-256 of spec.resolved.yaml.</summary>
    public required string SpecHash { get; init; }
    /// <summary>Data files (or generator) and their SHA-256, as loaded.</summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();
    /// <summary>git commit of the directory the spec lives in, when it is a repository.</summary>
    public string? GitCommit { get; init; }
    public required string Started { get; init; }
    public string? CommandLine { get; init; }
}
