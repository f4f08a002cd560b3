namespace Cnnexp.Engine.Prediction;

/// <summary>
/// An image read for a model: uint8 pixels (C, H, W) at the data set's size, as a data set's images are
/// stored, and the file's own size (so a resize can be reported). <see cref="Error"/> says why a file
/// could not be read; then there are no pixels.
/// </summary>
public sealed record PreparedImage(string Name, byte[]? Pixels, int Width, int Height, string? Error = null)
{
    public bool Ok => Error is null;
}
