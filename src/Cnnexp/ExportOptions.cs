namespace Cnnexp;

/// <summary>Which weights <see cref="Experiment.Export"/> writes, in which formats, and where.</summary>
public sealed record ExportOptions
{
    /// <summary>`--set KEY=VALUE` edits applied to the spec (they must not change a layer's shape, or the weights will not fit).</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>Export only this model; null: every model.</summary>
    public string? Model { get; init; }

    /// <summary>Export only this seed; null: every seed of the spec.</summary>
    public int? Seed { get; init; }

    /// <summary>From a run: the best epoch's weights instead of the last epoch's.</summary>
    public bool Best { get; init; }

    public ExportFormat Formats { get; init; } = ExportFormat.StateDict | ExportFormat.Safetensors;

    /// <summary>Where to write; null: <c>RUN/export</c> for a run directory, <c>export/NAME</c> for a spec file.</summary>
    public string? OutDir { get; init; }
}
