namespace Cnnexp.Engine.Training;

/// <summary>run.log (timestamped, appended across resumes) plus an optional console echo.</summary>
sealed class RunLog(string path, Action<string>? echo) : IDisposable
{
    readonly StreamWriter file = new(path, append: true) { AutoFlush = true };

    /// <summary>One line, whole: units training side by side write to the same log.</summary>
    public void Write(string line)
    {
        lock (file)
        {
            file.WriteLine($"{DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss} {line}");
            echo?.Invoke(line);
        }
    }

    /// <summary>Into run.log only (e.g. a stack trace: the console gets one line naming the file).</summary>
    public void WriteFileOnly(string text)
    {
        lock (file) file.WriteLine($"{DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss} {text}");
    }

    public void Dispose() => file.Dispose();
}
