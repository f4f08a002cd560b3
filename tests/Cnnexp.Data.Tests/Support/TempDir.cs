namespace Cnnexp.Data.Tests.Support;

/// <summary>A fresh folder under the system temp folder, deleted on dispose: tests never write into the repository.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cnnexp-data-tests", Guid.NewGuid().ToString("n")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string this[params string[] parts] => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Every file below the folder, relative to it, sorted (to assert what was left behind).</summary>
    public IReadOnlyList<string> Files() =>
        Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories).Select(f => System.IO.Path.GetRelativePath(Path, f)).Order().ToList();

    /// <summary>Deletes the folder, retrying: deleting tens of thousands of files can race with the file system.</summary>
    public void Dispose()
    {
        for (int attempt = 0; attempt < 3 && Directory.Exists(Path); attempt++)
        {
            try { Directory.Delete(Path, recursive: true); }
            catch (IOException) { Thread.Sleep(200); }
        }
    }
}
