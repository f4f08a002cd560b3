namespace Cnnexp.TestSupport;

/// <summary>
/// Scratch folders for tests, under TMP/cnnexp-tests/PID-ID (a suite used to leave about 200 MB
/// behind). A test process deletes its folders when it exits, if the test platform lets it finish;
/// the first scratch folder of the next test process deletes every folder whose process is gone, so
/// at most the last run's remain. CNNEXP_KEEP_TEST_DIRS=1 keeps them all for a post-mortem.
/// </summary>
public static class Scratch
{
    static readonly List<string> Made = CleanUpAtExit();

    /// <summary>The parent of every scratch folder.</summary>
    public static string Root { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cnnexp-tests");

    /// <summary>A new empty folder, deleted when the test process exits.</summary>
    public static string NewDir()
    {
        Swept.Value.ToString();
        string dir = System.IO.Path.Combine(Root, $"{Environment.ProcessId}-{Guid.NewGuid().ToString("n")[..12]}");
        Directory.CreateDirectory(dir);
        lock (Made) Made.Add(dir);
        return dir;
    }

    /// <summary>Deletes a folder now, retrying: deleting tens of thousands of files can race with the file system.</summary>
    public static void Delete(string dir)
    {
        for (int attempt = 0; attempt < 3 && Directory.Exists(dir); attempt++)
        {
            try { Directory.Delete(dir, recursive: true); }
            catch (IOException) { Thread.Sleep(200); }
            catch (UnauthorizedAccessException) { return; }
        }
    }

    static bool Keep => Environment.GetEnvironmentVariable("CNNEXP_KEEP_TEST_DIRS") == "1";

    static readonly Lazy<bool> Swept = new(SweepDeadProcesses);

    /// <summary>Deletes folders left by test processes that have ended (and unnamed ones over a day old, from before).</summary>
    static bool SweepDeadProcesses()
    {
        if (Keep || !Directory.Exists(Root)) return true;
        foreach (var dir in Directory.GetDirectories(Root))
        {
            string name = System.IO.Path.GetFileName(dir);
            int dash = name.IndexOf('-');
            bool stale = dash > 0 && int.TryParse(name[..dash], out int pid)
                ? !Alive(pid, Directory.GetCreationTimeUtc(dir))
                : Directory.GetLastWriteTimeUtc(dir) < DateTime.UtcNow.AddDays(-1) && name.Length == 12;
            if (stale) Delete(dir);
        }
        return true;
    }

    static bool Alive(int pid, DateTime created)
    {
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return p.StartTime.ToUniversalTime() <= created.AddSeconds(1);     // not a later process that reuses the id
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    static List<string> CleanUpAtExit()
    {
        var dirs = new List<string>();
        if (!Keep)
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                lock (dirs)
                    foreach (var d in dirs) Delete(d);
            };
        return dirs;
    }
}
