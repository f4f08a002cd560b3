using System.Diagnostics;
using System.Text.Json;

namespace Cnnexp.Engine.Tests.Parity;

/// <summary>Runs tests/parity/check.py with Debian's python3 (python3-torch) and reads its JSON report.</summary>
static class PythonCheck
{
    /// <summary>Debian's interpreter first: python3-torch installs torch for it, not for a pyenv or venv python earlier on PATH.</summary>
    static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public sealed record Outcome(int ExitCode, JsonElement? Report, string Stdout, string Stderr);

    public static Outcome Run(params string[] cases)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ShippedExperimentTests.RepoPath("tests", "parity", "check.py"));
        foreach (var c in cases) start.ArgumentList.Add(c);
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{Python} cannot be started ({e.Message}): the PyTorch parity test needs Debian's python3-torch and python3-numpy (.ci/install-deps installs them)");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode is 0 or 1, process.ExitCode == 2 && stdout.Result.Contains("\"error\"", StringComparison.Ordinal)
                ? $"tests/parity/check.py could not check the exported model:\n{stderr}{stdout.Result}"
                : $"{Python} tests/parity/check.py failed (exit {process.ExitCode}); the parity test needs Debian's python3-torch and python3-numpy (.ci/install-deps installs them):\n{stderr}{stdout.Result}");
            return new Outcome(process.ExitCode, JsonDocument.Parse(stdout.Result).RootElement.Clone(), stdout.Result, stderr);
        }
    }
}
