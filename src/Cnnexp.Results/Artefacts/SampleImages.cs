namespace Cnnexp.Results.Artefacts;

/// <summary>artefacts/samples.json: the images every image figure shows, as the data set stores them.</summary>
public sealed record SampleImages
{
    /// <summary>The split they were taken from ("test").</summary>
    public required string Split { get; init; }
    /// <summary>Their positions in that split.</summary>
    public required IReadOnlyList<int> Indices { get; init; }
    public required IReadOnlyList<int> Labels { get; init; }
    /// <summary>Class names, in label order.</summary>
    public required IReadOnlyList<string> Classes { get; init; }
    /// <summary>(S, C, H, W), values in [0, 1]: what the model receives before its input transforms.</summary>
    public required TensorData Pixels { get; init; }

    public int Count => Indices.Count;
    public string ClassOf(int sample) => Labels[sample] < Classes.Count ? Classes[Labels[sample]] : $"class {Labels[sample]}";
}
