using Cnnexp.Spec.Model;

namespace Cnnexp.Spec.Datasets;

/// <summary>
/// Paths written under `data:` (`root`, `path`): `~/` is the home folder, and a relative path is
/// relative to the spec file's folder, so a spec runs the same from any working directory.
/// </summary>
public static class DataPaths
{
    public static string Resolve(DataSpec data, string path)
    {
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
            path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.TrimStart('~', '/'));
        if (Path.IsPathRooted(path)) return Path.GetFullPath(path);
        string? file = data.Where?.File;
        string baseDir = file is not null && File.Exists(file) ? Path.GetDirectoryName(Path.GetFullPath(file))! : Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(baseDir, path));
    }
}
