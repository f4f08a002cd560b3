namespace Cnnexp.Figures.Tests;

/// <summary>Paths in the source tree and scratch directories for tests.</summary>
static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>Where tests leave files for people to look at (gitignored): TestResults/figures.</summary>
    public static string Artefacts(params string[] parts)
    {
        string dir = Path("TestResults", "figures");
        Directory.CreateDirectory(dir);
        return System.IO.Path.Combine([dir, .. parts]);
    }

    /// <summary>A fresh scratch directory, deleted when the test process exits (CNNEXP_KEEP_TEST_DIRS=1 keeps them).</summary>
    public static string TempDir()
    {
        string dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cnnexp-figure-tests", Guid.NewGuid().ToString("n")[..12]);
        Directory.CreateDirectory(dir);
        lock (Scratch) Scratch.Add(dir);
        return dir;
    }

    static readonly List<string> Scratch = CleanUpAtExit();

    static List<string> CleanUpAtExit()
    {
        var dirs = new List<string>();
        if (Environment.GetEnvironmentVariable("CNNEXP_KEEP_TEST_DIRS") != "1")
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                lock (dirs)
                    foreach (var d in dirs)
                        try { Directory.Delete(d, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            };
        return dirs;
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "cnnexp.sln"))) return dir.FullName;
        throw new InvalidOperationException("cnnexp.sln not found above " + AppContext.BaseDirectory);
    }
}
