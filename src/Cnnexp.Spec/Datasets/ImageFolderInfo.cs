using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Limits;
using Cnnexp.Spec.Model;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Datasets;

/// <summary>Describes an image folder for the planner: its classes from the subfolders, its shape from `resize` or the first image.</summary>
public static class ImageFolderInfo
{
    public static DatasetInfo? Describe(DataSpec data, DiagnosticBag diagnostics)
    {
        if (data.Path is null) return null;                       // DataRules reported it
        string root = DataPaths.Resolve(data, data.Path);
        var scan = ImageFolderLayout.Scan(root);
        if (scan.Layout is not { } layout)
        {
            diagnostics.Error("dataset", scan.Error!, data.SpanOf("path"), scan.Hint);
            return null;
        }
        int channels = data.Channels ?? 3;
        var size = data.Resize;
        if (size is null)
        {
            var first = layout.Train[0].Path;
            if (ImageHeader.Read(first) is not { } header)
            {
                diagnostics.Error("dataset", $"`{first}` is not a readable PNG or JPEG image", data.SpanOf("path"),
                    "replace or delete the file; image folders hold PNG and JPEG files");
                return null;
            }
            // The header is the file's word: a side of 0, a negative one (a PNG stores 32 bits) or one
            // past the limit made the loader's pixel count overflow (found by fuzzing).
            if (header.Width is < 1 or > SpecLimits.MaxSide || header.Height is < 1 or > SpecLimits.MaxSide)
            {
                diagnostics.Error("dataset", $"`{first}` says it is {header.Width}x{header.Height} pixels (width x height); " +
                    $"an image folder's images may be 1 to {SpecLimits.MaxSide:N0} pixels a side", data.SpanOf("path"),
                    header.Width >= 1 && header.Height >= 1 ? "add `resize: [HEIGHT, WIDTH]` under `data:` to shrink the images as they load"
                        : "replace or delete the file: its header is damaged");
                return null;
            }
            size = new IntPair(header.Height, header.Width);
        }
        return new DatasetInfo(DatasetCatalog.ImageFolder, Shape.Image(channels, size.Value.H, size.Value.W), layout.Classes,
            $"Image folder {root}: {layout.Classes.Count} classes")
        { TrainCount = layout.HasTestSplit ? layout.Train.Count : null, TestCount = layout.Test?.Count };
    }
}
