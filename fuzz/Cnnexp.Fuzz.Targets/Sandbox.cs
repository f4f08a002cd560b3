using SkiaSharp;

namespace Cnnexp.Fuzz.Targets;

/// <summary>
/// This process's scratch folder, made once: a placeholder spec file (relative data paths resolve
/// beside it), a two-class image folder `images/`, a file to include (`stacks/notebook.yaml`), and
/// per-run folders that each target empties before use. Deleted when the process exits normally.
/// </summary>
public static class Sandbox
{
    static readonly Lazy<string> root = new(Create);

    public static string Root => root.Value;
    public static string SpecFile => Path.Combine(Root, "spec.yaml");

    /// <summary>An empty folder <paramref name="name"/> under the sandbox, cleared of the last run's files.</summary>
    public static string Fresh(string name)
    {
        string dir = Path.Combine(Root, name);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>The sandbox's files and folders outside the per-run folders, relative: what no target may change.</summary>
    public static IReadOnlyList<string> Fixed() => [.. Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories)
        .Select(p => Path.GetRelativePath(Root, p)).Where(p => !p.StartsWith("run", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>A small valid PNG, <paramref name="side"/> pixels square.</summary>
    public static byte[] Png(int side, byte shade)
    {
        using var bitmap = new SKBitmap(side, side);
        bitmap.Erase(new SKColor(shade, (byte)(255 - shade), 128));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    static string Create()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"cnnexp-fuzz-{Environment.ProcessId}");
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "spec.yaml"), "# placeholder: the fuzzed spec is read as text, named as this file\n");
        // Something for `include:` to reach: the notebook's stack as experiments/stacks/notebook.yaml holds it.
        Directory.CreateDirectory(Path.Combine(dir, "stacks"));
        File.WriteAllText(Path.Combine(dir, "stacks", "notebook.yaml"), """
            blocks:
              notebook: [conv2d: { out: 8, kernel: 3, padding: 1 }, relu, maxpool2d: 2, flatten, linear: { out: 10 }]
            models:
              shared: { layers: [block: notebook] }
            train: { epochs: 2 }
            """);
        foreach (var (cls, shade) in new[] { ("cat", (byte)40), ("dog", (byte)200) })
        {
            Directory.CreateDirectory(Path.Combine(dir, "images", cls));
            File.WriteAllBytes(Path.Combine(dir, "images", cls, "001.png"), Png(8, shade));
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        };
        return dir;
    }
}
