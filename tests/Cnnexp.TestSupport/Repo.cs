namespace Cnnexp.TestSupport;

/// <summary>Paths in the source tree, found from the test's output directory, and the shared test data beside it.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>Where tests leave files for people to look at (gitignored): TestResults/KIND.</summary>
    public static string Artefacts(string kind, params string[] parts)
    {
        string dir = Path("TestResults", kind);
        Directory.CreateDirectory(dir);
        return System.IO.Path.Combine([dir, .. parts]);
    }

    /// <summary>$CNNEXP_SHARED_DATA, else shared/data beside the repository (where CI puts it).</summary>
    public static string SharedData =>
        Environment.GetEnvironmentVariable("CNNEXP_SHARED_DATA") is { Length: > 0 } dir
            ? System.IO.Path.GetFullPath(dir)
            : System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, "..", "shared", "data"));

    /// <summary>A file of the shared data folder; fails with a clear message when it is missing.</summary>
    public static string Shared(string name)
    {
        string path = System.IO.Path.Combine(SharedData, name);
        Xunit.Assert.True(File.Exists(path), $"test data `{path}` is missing: CI places a copy of shared/ beside the repository (see shared/data/README.md); elsewhere, set CNNEXP_SHARED_DATA to a folder holding it");
        return path;
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "cnnexp.sln"))) return dir.FullName;
        throw new InvalidOperationException("cnnexp.sln not found above " + AppContext.BaseDirectory);
    }
}
