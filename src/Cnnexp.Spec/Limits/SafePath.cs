namespace Cnnexp.Spec.Limits;

/// <summary>
/// Whether a path a spec names stays inside a folder, with symbolic links resolved at every step:
/// a link inside the spec's folder (to a file or to a folder) may point anywhere.
/// </summary>
public static class SafePath
{
    /// <summary>Links followed at most this many times (Linux gives up at 40): a loop of links is taken as written.</summary>
    const int MaxLinks = 40;

    /// <summary>Whether <paramref name="fullPath"/> is <paramref name="realDirectory"/> (already <see cref="Real"/>) or lies below it, once its links are followed.</summary>
    public static bool IsInside(string realDirectory, string fullPath)
    {
        string relative = Path.GetRelativePath(realDirectory, Real(fullPath));
        return relative != "." && relative != ".." && !relative.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    /// <summary>The absolute path with every symbolic link along it resolved (the parts that do not exist kept as written).</summary>
    public static string Real(string fullPath)
    {
        int links = 0;
        return Real(Path.GetFullPath(fullPath), ref links);
    }

    static string Real(string path, ref int links)
    {
        string root = Path.GetPathRoot(path) ?? "/", current = root;
        foreach (string part in path[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileSystemInfo? target = null;
            try
            {
                target = Directory.Exists(current) ? Directory.ResolveLinkTarget(current, returnFinalTarget: false)
                    : File.ResolveLinkTarget(current, returnFinalTarget: false);
            }
            catch (IOException) { }                               // not there, or not readable: kept as written
            catch (UnauthorizedAccessException) { }
            if (target is not null && ++links <= MaxLinks)
                current = Real(Path.GetFullPath(target.FullName), ref links);   // the target may itself hold links
        }
        return current;
    }

    /// <summary>A path relative to the current folder when it lies below it, else the full path: how messages name files.</summary>
    public static string Display(string fullPath)
    {
        string relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }
}
