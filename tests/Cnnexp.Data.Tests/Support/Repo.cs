namespace Cnnexp.Data.Tests.Support;

/// <summary>The source tree and the shared test data beside it (`../shared/data`, as CI lays it out).</summary>
static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>$CNNEXP_SHARED_DATA, else shared/data beside the repository (where CI puts it).</summary>
    public static string SharedData =>
        Environment.GetEnvironmentVariable("CNNEXP_SHARED_DATA") is { Length: > 0 } dir
            ? Path.GetFullPath(dir)
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    /// <summary>A file of the shared data folder; fails with a clear message when it is missing.</summary>
    public static string Shared(string name)
    {
        string path = Path.Combine(SharedData, name);
        Assert.True(File.Exists(path), $"test data `{path}` is missing: CI places a copy of shared/ beside the repository (see shared/data/README.md); elsewhere, set CNNEXP_SHARED_DATA to a folder holding it");
        return path;
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "cnnexp.sln"))) return dir.FullName;
        throw new InvalidOperationException("cnnexp.sln not found above " + AppContext.BaseDirectory);
    }
}
