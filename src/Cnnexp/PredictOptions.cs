namespace Cnnexp;

/// <summary>What <see cref="Experiment.Predict"/> classifies, with which weights, and how many classes it reports per image.</summary>
public sealed record PredictOptions
{
    /// <summary>PNG or JPEG files, or folders (their images, in every subfolder, in path order).</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>The model to use; null: the run's only model (an error when it has several).</summary>
    public string? Model { get; init; }

    /// <summary>The seed whose weights to use; null: the spec's first seed.</summary>
    public int? Seed { get; init; }

    /// <summary>The best epoch's weights instead of the last epoch's.</summary>
    public bool Best { get; init; }

    /// <summary>Classes reported per image, most probable first (at most the number of classes).</summary>
    public int Top { get; init; } = 5;
}
