namespace Cnnexp.Spec.Datasets;

/// <summary>
/// The files of an image folder: one subfolder per class (`ROOT/cat/001.png`), or `train/` and
/// `test/` folders that each hold class subfolders. Classes are the subfolder names in ordinal
/// order; hidden files and files other than PNG and JPEG are ignored.
/// </summary>
public sealed record ImageFolderLayout(string Root, IReadOnlyList<string> Classes, IReadOnlyList<ImageFile> Train, IReadOnlyList<ImageFile>? Test)
{
    static readonly string[] Extensions = [".png", ".jpg", ".jpeg"];

    /// <summary>True when the folder brings its own test split (`train/` and `test/`).</summary>
    public bool HasTestSplit => Test is not null;

    /// <summary>Lists the folder; every problem a user must fix becomes <see cref="ImageFolderScan.Error"/>.</summary>
    public static ImageFolderScan Scan(string root)
    {
        if (!Directory.Exists(root))
            return ImageFolderScan.Fail($"image folder `{root}` does not exist",
                "`data.path` is relative to the spec file's folder; give the folder that holds one subfolder per class");
        string train = Path.Combine(root, "train"), test = Path.Combine(root, "test");
        bool split = Directory.Exists(train) && Directory.Exists(test);
        string classRoot = split ? train : root;
        var classes = Subfolders(classRoot);
        if (classes.Count == 0)
            return ImageFolderScan.Fail($"image folder `{classRoot}` has no class subfolders",
                $"put each class's images in a folder named after it, e.g. `{Path.Combine(classRoot, "cat", "001.png")}`");
        var trainFiles = List(classRoot, classes, classes, out string? error);
        if (error is not null) return ImageFolderScan.Fail(error, EmptyHint);
        if (!split) return ImageFolderScan.Ok(new ImageFolderLayout(root, classes, trainFiles, null));
        var testClasses = Subfolders(test);
        if (testClasses.FirstOrDefault(c => !classes.Contains(c)) is { } stray)
            return ImageFolderScan.Fail(
                $"`{Path.Combine(test, stray)}` is not one of the {classes.Count} training classes ({Preview(classes)}): every label must come from the class list",
                $"rename it to a class that `{train}` has, or add `{Path.Combine(train, stray)}`");
        var testFiles = List(test, testClasses, classes, out error);
        if (error is not null) return ImageFolderScan.Fail(error, EmptyHint);
        return ImageFolderScan.Ok(new ImageFolderLayout(root, classes, trainFiles, testFiles));
    }

    const string EmptyHint = "every class folder needs at least one PNG or JPEG image; delete the folder to drop the class";

    static List<string> Subfolders(string dir) =>
        Directory.EnumerateDirectories(dir).Select(Path.GetFileName).OfType<string>()
            .Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal).ToList();

    static List<ImageFile> List(string dir, IReadOnlyList<string> folders, IReadOnlyList<string> classes, out string? error)
    {
        var files = new List<ImageFile>();
        error = null;
        foreach (var name in folders)
        {
            int label = IndexOf(classes, name);
            int before = files.Count;
            var infos = new DirectoryInfo(Path.Combine(dir, name)).EnumerateFiles()
                .Where(f => !f.Name.StartsWith('.') && Extensions.Contains(f.Extension.ToLowerInvariant()))
                .OrderBy(f => f.Name, StringComparer.Ordinal);
            files.AddRange(infos.Select(f => new ImageFile(f.FullName, label, f.Length, f.LastWriteTimeUtc.Ticks)));
            if (files.Count == before)
            {
                error = $"class folder `{Path.Combine(dir, name)}` has no PNG or JPEG images";
                return files;
            }
        }
        return files;
    }

    static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (int i = 0; i < list.Count; i++) if (list[i] == item) return i;
        return -1;
    }

    static string Preview(IReadOnlyList<string> classes) =>
        string.Join(", ", classes.Take(5)) + (classes.Count > 5 ? ", …" : "");
}

/// <summary>The outcome of <see cref="ImageFolderLayout.Scan"/>: the layout, or what is wrong and how to fix it.</summary>
public sealed record ImageFolderScan(ImageFolderLayout? Layout, string? Error, string? Hint)
{
    public static ImageFolderScan Ok(ImageFolderLayout layout) => new(layout, null, null);
    public static ImageFolderScan Fail(string error, string hint) => new(null, error, hint);
}
