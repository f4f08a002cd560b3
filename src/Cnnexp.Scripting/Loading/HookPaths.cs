using Cnnexp.Spec.Model;

namespace Cnnexp.Scripting.Loading;

/// <summary>Where a spec's script paths point, and how messages show files.</summary>
static class HookPaths
{
    /// <summary>
    /// The folder script paths are relative to: the spec file's folder; for a run directory's
    /// spec.resolved.yaml, the folder of the spec the run started from (recorded in hooks.json);
    /// for spec text with no file, the current folder.
    /// </summary>
    public static string BaseDirectory(ExperimentSpec spec)
    {
        string? file = spec.Where?.File;
        if (file is null || !File.Exists(file)) return Directory.GetCurrentDirectory();
        string dir = Path.GetDirectoryName(Path.GetFullPath(file))!;
        return RunHooksRecord.ReadBaseDirectory(dir) ?? dir;
    }

    public static string Resolve(string baseDirectory, string path) => Path.GetFullPath(Path.Combine(baseDirectory, path));

    /// <summary>Whether <paramref name="path"/> names a file in <paramref name="baseDirectory"/> or below it (symbolic links followed).</summary>
    public static bool IsInside(string baseDirectory, string path)
    {
        if (path.Contains('\0')) return false;
        string root = Real(Path.GetFullPath(baseDirectory)), full = Real(Resolve(baseDirectory, path));
        string relative = Path.GetRelativePath(root, full);
        return relative != "." && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    /// <summary>The path with a symbolic link at its end resolved (a link inside the folder may point outside it).</summary>
    static string Real(string path)
    {
        try { return File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path; }
        catch (IOException) { return path; }
    }

    /// <summary>A path relative to the current folder when it lies below it, else the full path.</summary>
    public static string Display(string fullPath)
    {
        string relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }
}
