namespace Cnnexp.Engine.Data.ImageFolders;

/// <summary>One image to decode: a file, or bytes already in memory (read from an archive); named for messages.</summary>
public sealed record EncodedImage(string Name, int Label, string? Path = null, byte[]? Bytes = null);
