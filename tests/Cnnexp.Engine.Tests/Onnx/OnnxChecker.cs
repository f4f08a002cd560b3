using System.Diagnostics;

namespace Cnnexp.Engine.Tests.Onnx;

/// <summary>Debian's <c>onnx.checker.check_model(full_check=True)</c> (python3-onnx, installed by .ci/install-deps) on exported files.</summary>
static class OnnxChecker
{
    const string Script = """
        import sys, onnx
        for path in sys.argv[1:]:
            onnx.checker.check_model(onnx.load(path), full_check=True)
            print("ok", path)
        """;

    /// <returns>The checker's exit code and everything it printed.</returns>
    public static (int ExitCode, string Output) Check(IEnumerable<string> files)
    {
        string python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";   // Debian's: python3-onnx installs onnx for it
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        foreach (var f in files) start.ArgumentList.Add(f);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }

    public static void AssertValid(IEnumerable<string> files)
    {
        var (exit, output) = Check(files);
        Assert.True(exit == 0, $"onnx.checker.check_model(full_check=True) refused an exported file (python3-onnx is installed by .ci/install-deps):\n{output}");
    }
}
