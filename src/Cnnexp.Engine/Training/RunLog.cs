namespace Cnnexp.Engine.Training;

/// <summary>run.log (timestamped, appended across resumes) plus an optional console echo.</summary>
sealed class RunLog(string path, Action<string>? echo) : IDisposable
{
    readonly StreamWriter file = new(path, append: true) { AutoFlush = true };

    public void Write(string line)
    {
        file.WriteLine($"{DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss} {line}");
        echo?.Invoke(line);
    }

    public void Dispose() => file.Dispose();
}
