using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Model;

namespace Cnnexp.Spec.Datasets;

/// <summary>
/// Cross-field rules of `data:` that the binder cannot check one key at a time. Each is a small
/// named function whose message names both keys involved.
/// </summary>
public static class DataRules
{
    /// <summary>Keys that only mean something for an image folder.</summary>
    static readonly string[] FolderKeys = ["path", "resize", "channels", "test_fraction"];

    /// <summary>Rules that need only the spec.</summary>
    public static void Check(DataSpec data, DiagnosticBag diagnostics)
    {
        ImageFolderNeedsPath(data, diagnostics);
        FolderKeysNeedImageFolder(data, diagnostics);
        ChannelsAreOneOrThree(data, diagnostics);
    }

    /// <summary>Rules that need the data set's description (`normalize` is checked by the planner with the transforms).</summary>
    public static void CheckAgainst(DataSpec data, DatasetInfo info, DiagnosticBag diagnostics)
    {
        TestFractionNeedsSingleFolder(data, info, diagnostics);
    }

    static void ImageFolderNeedsPath(DataSpec data, DiagnosticBag d)
    {
        if (data.Dataset == DatasetCatalog.ImageFolder && data.Path is null)
            d.Error("missing-key", "`data.dataset: imagefolder` needs `data.path`: the folder with one subfolder per class",
                data.SpanOf("dataset"), "add e.g. `path: images/` (relative to the spec file)");
    }

    static void FolderKeysNeedImageFolder(DataSpec data, DiagnosticBag d)
    {
        if (data.Dataset == DatasetCatalog.ImageFolder) return;
        foreach (var key in FolderKeys.Where(data.KeySpans.ContainsKey))
            d.Error("not-applicable", $"`data.{key}` applies only to `data.dataset: imagefolder`, but the data set is `{data.Dataset}`",
                data.SpanOf(key), $"remove `{key}`, or set `dataset: imagefolder`");
    }

    static void ChannelsAreOneOrThree(DataSpec data, DiagnosticBag d)
    {
        if (data.Channels is int c && c != 1 && c != 3)
            d.Error("out-of-range", $"`data.channels` is {c}; image folders load as 3 (RGB) or 1 (grayscale) channels",
                data.SpanOf("channels"));
    }

    static void TestFractionNeedsSingleFolder(DataSpec data, DatasetInfo info, DiagnosticBag d)
    {
        if (data.TestFraction is not null && info.TestCount is not null && data.Dataset == DatasetCatalog.ImageFolder)
            d.Error("not-applicable", "`data.test_fraction` has no effect: `data.path` already has `train/` and `test/` folders",
                data.SpanOf("test_fraction"), "remove `test_fraction`, or point `path` at a folder of class subfolders");
    }
}
