namespace Cnnexp;

/// <summary>
/// What <see cref="Experiment.Predict"/> found. <see cref="Error"/>: nothing could be classified (no such
/// run, model or seed; no weights). Otherwise every image that could be read is in <see cref="Images"/>,
/// and each one that could not has one line in <see cref="ImageErrors"/> naming the file.
/// </summary>
public sealed record PredictResult
{
    public IReadOnlyList<ImagePrediction> Images { get; init; } = [];

    /// <summary>One line per file that could not be read, e.g. "`x.png` cannot be decoded (InvalidInput): …".</summary>
    public IReadOnlyList<string> ImageErrors { get; init; } = [];

    /// <summary>What was done that the user should know, e.g. "x.png is 64x48; resized to 32x32 as the data set's images".</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Why nothing was classified; null when the run, model, seed and weights were found.</summary>
    public string? Error { get; init; }

    public string Model { get; init; } = "";
    public int Seed { get; init; }

    /// <summary>The weights file used (<c>units/MODEL/seedS/last.weights</c> or <c>best.weights</c>).</summary>
    public string Weights { get; init; } = "";

    /// <summary>The data set's class names, in label order.</summary>
    public IReadOnlyList<string> Classes { get; init; } = [];

    /// <summary>True when every input was classified.</summary>
    public bool Ok => Error is null && ImageErrors.Count == 0;
}
