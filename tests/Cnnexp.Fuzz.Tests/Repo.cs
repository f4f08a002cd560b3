namespace Cnnexp.Fuzz.Tests;

/// <summary>Paths in the source tree, where the corpus lives.</summary>
static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "cnnexp.sln"))) return dir.FullName;
        throw new InvalidOperationException("cnnexp.sln not found above " + AppContext.BaseDirectory);
    }
}
