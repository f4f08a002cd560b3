namespace Cnnexp.Results;

/// <summary>
/// A file of a run directory (state.json, manifest.json, summary.json, …) that is not what cnnexp wrote:
/// edited or damaged by hand. The message names the file and where in it; the front end exits 2.
/// </summary>
public sealed class RunFileException(string path, string problem) : Exception(
    $"{path} is damaged {problem.TrimStart()}; restore it, or delete it (for a unit's state.json: the unit's folder) and run again")
{
    public string File { get; } = path;
}
