using System.Diagnostics;

namespace Cnnexp.Cli.Tests;

/// <summary>Runs a script with Debian's python3 (python3-torch installs torch for it, not for a pyenv or venv python on PATH).</summary>
static class Python
{
    static string Interpreter => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string script, params string[] args)
    {
        var start = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"{Interpreter} cannot be started: this test needs Debian's python3-torch (.ci/install-deps installs it)");
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result, stderr);
    }
}
