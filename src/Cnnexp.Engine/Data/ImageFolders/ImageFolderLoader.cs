using System.Diagnostics;
using Cnnexp.Engine.Data.Sources;
using Cnnexp.Spec.Datasets;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Planning;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Data.ImageFolders;

/// <summary>
/// Loads an image folder: decodes every image once, in parallel, into one uint8 tensor per split,
/// and caches the result (see <see cref="ImageFolderCache"/>). A folder without `train/` and
/// `test/` gives up `test_fraction` of each class as the test split.
/// </summary>
public static class ImageFolderLoader
{
    /// <summary>Salt of the fixed shuffle that picks an image folder's test images.</summary>
    const int TestSalt = 0x7e57;

    public static LoadedSplits Load(DataSpec data, DatasetInfo info, string cacheRoot, DataOptions options, bool useCache = true)
    {
        string folder = DataPaths.Resolve(data, data.Path ?? throw new DataException("`dataset: imagefolder` needs `path`"));
        var (train, test) = Decode(folder, info.ImageShape, data.Resize is not null, cacheRoot, options, useCache);
        if (test is not null) return new LoadedSplits(train, test, folder);
        using (train)
        {
            var (keep, held) = Holdout.Split(train, data.TestFraction ?? 0.2, TestSalt);
            return new LoadedSplits(keep, held, folder);
        }
    }

    /// <summary>The folder's splits, from the cache when it is current; test is null when the folder has no `test/`.</summary>
    internal static (ImageSplit Train, ImageSplit? Test) Decode(string folder, Shape shape, bool resize, string cacheRoot, DataOptions options, bool useCache = true)
    {
        var scan = ImageFolderLayout.Scan(folder);
        var layout = scan.Layout ?? throw new DataException($"{scan.Error} ({scan.Hint})");
        var key = ImageFolderCache.Key(layout, shape, resize);
        string cache = ImageFolderCache.PathFor(cacheRoot, folder);
        if (useCache && ImageFolderCache.TryRead(cache, key, shape) is { } cached)
        {
            options.Log?.Invoke($"image folder {folder}: decoded images from the cache {cache}");
            return cached;
        }
        var clock = Stopwatch.StartNew();
        int count = layout.Train.Count + (layout.Test?.Count ?? 0);
        options.Log?.Invoke($"image folder {folder}: decoding {DataErrors.N(count)} images");
        var train = DecodeAll(Files(layout.Train), shape, resize, options);
        ImageSplit? test = null;
        try { test = layout.Test is { } t ? DecodeAll(Files(t), shape, resize, options) : null; }
        catch { train.Dispose(); throw; }
        options.Log?.Invoke($"image folder {folder}: decoded {DataErrors.N(count)} images in {clock.Elapsed.TotalSeconds:F1} s");
        if (useCache) SaveCache(cache, key, train, test, options);
        return (train, test);
    }

    static void SaveCache(string cache, byte[] key, ImageSplit train, ImageSplit? test, DataOptions options)
    {
        try { ImageFolderCache.Write(cache, key, train, test); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            options.Log?.Invoke($"warning: could not write the image cache {cache} ({e.Message}); the next run decodes again");
        }
    }

    static List<EncodedImage> Files(IReadOnlyList<ImageFile> files) => files.Select(f => new EncodedImage(f.Path, f.Label, f.Path)).ToList();

    /// <summary>Decodes every image in parallel into one uint8 tensor (N, C, H, W); the first bad image (in order) is reported.</summary>
    internal static ImageSplit DecodeAll(IReadOnlyList<EncodedImage> files, Shape shape, bool resize, DataOptions options)
    {
        long per = shape.Elements, total = per * files.Count;
        if (total > Array.MaxLength)
            throw new DataException($"{DataErrors.N(files.Count)} images of {shape} need {total / 1e9:F1} GB, more than one split may hold (2 GB); " +
                                    "set a smaller `resize` under `data:`");
        var pixels = GC.AllocateUninitializedArray<byte>((int)total);
        var errors = new string?[files.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.DecodeThreads > 0 ? options.DecodeThreads : Environment.ProcessorCount };
        Parallel.For(0, files.Count, parallel, (i, state) =>
        {
            errors[i] = ImageDecoder.Decode(files[i], shape, resize, pixels.AsSpan((int)(i * per), (int)per));
            if (errors[i] is not null) state.Break();          // images before i still finish, so the first bad one is reported
        });
        if (errors.FirstOrDefault(e => e is not null) is { } error)
            throw new DataException(error);
        return new ImageSplit(tensor(pixels, shape.WithBatch(files.Count)), tensor(files.Select(f => (long)f.Label).ToArray()));
    }
}
