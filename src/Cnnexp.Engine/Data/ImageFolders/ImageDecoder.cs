using Cnnexp.Spec.Planning;
using SkiaSharp;

namespace Cnnexp.Engine.Data.ImageFolders;

/// <summary>Decodes one PNG or JPEG with SkiaSharp into planar bytes (C, H, W): RGB, or luma for one channel.</summary>
static class ImageDecoder
{
    /// <summary>Null on success, else what is wrong with the file (for a message that names it).</summary>
    public static string? Decode(EncodedImage image, Shape shape, bool resize, Span<byte> destination) =>
        Decode(image, shape, resize, destination, out _);

    /// <param name="source">The image's own size, (0, 0) when it cannot be read: `cnnexp predict` says when it was resized.</param>
    public static string? Decode(EncodedImage image, Shape shape, bool resize, Span<byte> destination, out (int Width, int Height) source)
    {
        string path = image.Name;
        source = (0, 0);
        using var data = image.Bytes is { } bytes ? SKData.CreateCopy(bytes) : null;
        var opened = SKCodecResult.Success;
        using var codec = data is not null ? SKCodec.Create(data) : SKCodec.Create(image.Path!, out opened);
        if (codec is null && data is not null) opened = SKCodecResult.InvalidInput;
        if (codec is null)
            return $"`{path}` cannot be decoded ({opened}): it is not a valid PNG or JPEG image";
        var size = codec.Info;
        source = (size.Width, size.Height);
        if (!resize && (size.Width != shape.W || size.Height != shape.H))
            return $"`{path}` is {size.Width}x{size.Height} (width x height), but the folder's images are {shape.W}x{shape.H} like its first image; " +
                   $"add `resize: [{shape.H}, {shape.W}]` under `data:` to resize them all";
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
            return $"`{path}` cannot be decoded ({result}): the file is truncated or corrupt";
        if (size.Width == shape.W && size.Height == shape.H)
        {
            ToPlanar(bitmap.GetPixelSpan(), shape, destination);
            return null;
        }
        using var resized = bitmap.Resize(new SKImageInfo(shape.W, shape.H, SKColorType.Rgba8888, SKAlphaType.Unpremul),
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        if (resized is null) return $"`{path}` could not be resized to {shape.W}x{shape.H}";
        ToPlanar(resized.GetPixelSpan(), shape, destination);
        return null;
    }

    /// <summary>RGBA interleaved (H, W, 4) → planar (C, H, W); one channel is ITU-R BT.601 luma, as PIL's convert("L").</summary>
    static void ToPlanar(ReadOnlySpan<byte> rgba, Shape shape, Span<byte> planar)
    {
        int plane = shape.H * shape.W;
        if (shape.C == 1)
        {
            for (int p = 0; p < plane; p++)
                planar[p] = (byte)((rgba[4 * p] * 299 + rgba[4 * p + 1] * 587 + rgba[4 * p + 2] * 114 + 500) / 1000);
            return;
        }
        for (int p = 0; p < plane; p++)
        {
            planar[p] = rgba[4 * p];
            planar[plane + p] = rgba[4 * p + 1];
            planar[2 * plane + p] = rgba[4 * p + 2];
        }
    }
}
