using System.Globalization;

namespace Cnnexp.Cli;

/// <summary>An unexpected exception's type and stack, written to a file rather than over the user's screen.</summary>
static class CrashLog
{
    /// <summary>The file written, or null when even that failed (then the caller prints the stack).</summary>
    public static string? Write(Exception e)
    {
        try
        {
            string dir = Path.Combine(Path.GetTempPath(), "cnnexp");
            Directory.CreateDirectory(dir);
            string file = Path.Combine(dir, $"crash-{DateTime.Now.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)}.txt");
            File.WriteAllText(file, $"cnnexp {CliApp.Version}\n{string.Join(' ', Environment.GetCommandLineArgs())}\n\n{e}\n");
            return file;
        }
        catch (Exception io) when (io is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
