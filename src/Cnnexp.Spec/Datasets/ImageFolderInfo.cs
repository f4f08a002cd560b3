using Cnnexp.Spec.Diagnostics;
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
            size = new IntPair(header.Height, header.Width);
        }
        return new DatasetInfo(DatasetCatalog.ImageFolder, Shape.Image(channels, size.Value.H, size.Value.W), layout.Classes,
            $"Image folder {root}: {layout.Classes.Count} classes")
        { TrainCount = layout.HasTestSplit ? layout.Train.Count : null, TestCount = layout.Test?.Count };
    }
}
