namespace Cnnexp;

/// <summary>The files <see cref="Experiment.Export"/> wrote, or why it wrote nothing (<see cref="Error"/>, a located message).</summary>
public sealed record ExportResult(IReadOnlyList<string> Files, string? Error = null)
{
    public bool Ok => Error is null;
}
