namespace Cnnexp.Cli.Cluster;

/// <summary>How a job script calls this same cnnexp: the installed tool, or `dotnet Cnnexp.Cli.dll`.</summary>
static class CnnexpCommand
{
    public static string Current()
    {
        string? process = Environment.ProcessPath;
        string dll = typeof(CnnexpCommand).Assembly.Location;
        return process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? $"{Shell.Quote(process)} {Shell.Quote(dll)}"
            : Shell.Quote(process ?? "cnnexp");
    }
}

static class Shell
{
    /// <summary>Single-quotes a word for POSIX shells unless it is plainly safe.</summary>
    public static string Quote(string s) =>
        s.Length > 0 && s.All(c => char.IsLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '=' or ':' or '+' or ',')
            ? s
            : "'" + s.Replace("'", "'\\''") + "'";
}
