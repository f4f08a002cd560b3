namespace Cnnexp.Spec.Datasets;

/// <summary>One image of an image folder: its path, label, and the size and time that key the cache.</summary>
public sealed record ImageFile(string Path, int Label, long Length, long LastWriteTicks);
