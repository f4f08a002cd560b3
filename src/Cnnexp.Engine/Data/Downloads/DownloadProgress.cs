namespace Cnnexp.Engine.Data.Downloads;

/// <summary>Bytes of <see cref="File"/> received so far, and the total when the server said it.</summary>
public readonly record struct DownloadProgress(string File, long Received, long? Total);
