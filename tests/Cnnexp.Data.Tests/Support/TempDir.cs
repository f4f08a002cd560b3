using Cnnexp.TestSupport;

namespace Cnnexp.Data.Tests.Support;

/// <summary>A fresh folder under the system temp folder, deleted on dispose: tests never write into the repository.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = Scratch.NewDir();
    }

    public string Path { get; }

    public string this[params string[] parts] => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Every file below the folder, relative to it, sorted (to assert what was left behind).</summary>
    public IReadOnlyList<string> Files() =>
        Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories).Select(f => System.IO.Path.GetRelativePath(Path, f)).Order().ToList();

    /// <summary>Deletes the folder now (retrying: deleting tens of thousands of files can race with the file system).</summary>
    public void Dispose() => Scratch.Delete(Path);
}
