namespace Cnnexp.Results.Tests;

public class AtomicWriteTests
{
    /// <summary>
    /// Units training side by side in one process both write artefacts/samples.json; with one temporary name per
    /// process, one thread moved the other's file away and that unit lost its figure artefacts.
    /// </summary>
    [Fact]
    public void Threads_of_one_process_writing_the_same_file_never_collide()
    {
        string path = Path.Combine(Scratch.NewDir(), "samples.json");
        var texts = Enumerable.Range(0, 4).Select(i => new string((char)('a' + i), 100_000)).ToArray();
        var failures = new List<Exception>();
        var threads = texts.Select(text => new Thread(() =>
        {
            try
            {
                for (int i = 0; i < 200; i++) RunFiles.WriteAtomic(path, text);
            }
            catch (IOException e)
            {
                lock (failures) failures.Add(e);
            }
        })).ToList();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        Assert.Empty(failures);
        Assert.Contains(File.ReadAllText(path), texts);
        Assert.Equal(["samples.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }
}
