namespace Cnnexp.Engine.Data.Sources;

/// <summary>The official training and test splits of a data set, as loaded from its files.</summary>
public sealed record LoadedSplits(ImageSplit Train, ImageSplit Test, string? Location);
