using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Cnnexp.Interactive.Tests;

/// <summary>
/// examples/notebooks copied beside the experiments into a scratch folder, with the cnnexp packages packed into its
/// artifacts/ (as docs/notebooks.md says to), and a runner that executes a notebook headless with Jupyter's nbconvert
/// and the .NET Interactive kernels `.ci/install-deps` installs.
/// </summary>
public sealed class NotebookRunner : IDisposable
{
    /// <summary>The line the notebooks and docs/notebooks.md give; the copies name this run's own version instead.</summary>
    public const string Reference = "#r \"nuget: Cnnexp.Interactive, 0.4.0\"";

    // A version of its own: the NuGet cache never serves an older build of the same number.
    readonly string version = $"0.4.0-notebook.{DateTime.UtcNow:yyyyMMddHHmmss}";

    public NotebookRunner()
    {
        Work = Scratch.NewDir();
        Notebooks = Path.Combine(Work, "examples", "notebooks");
        Directory.CreateDirectory(Notebooks);
        foreach (var file in Directory.GetFiles(Repo.Path("experiments"), "*", SearchOption.AllDirectories))   // specs, the stacks they include, hooks
        {
            string copy = Path.Combine(Work, Path.GetRelativePath(Repo.Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        File.Copy(Repo.Path("examples", "notebooks", "nuget.config"), Path.Combine(Notebooks, "nuget.config"));
        // The test project built the libraries already (in its own configuration): pack those builds, do not build again.
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        Run("dotnet", ["pack", Repo.Path("src", "Cnnexp.Interactive"), "-c", configuration, "--no-build", "--no-restore",
            "-o", Path.Combine(Work, "artifacts"), $"-p:Version={version}"], Repo.Root, TimeSpan.FromMinutes(5));
    }

    public string Work { get; }
    public string Notebooks { get; }

    /// <summary>Copies examples/notebooks/NAME (naming this run's packages), executes it, and returns the executed notebook.</summary>
    public ExecutedNotebook Execute(string name)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(Repo.Path("examples", "notebooks", name)))!;
        var lines = notebook["cells"]!.AsArray().SelectMany(c => c!["source"]!.AsArray()).ToList();
        var reference = Assert.Single(lines, l => l!.GetValue<string>().StartsWith(Reference, StringComparison.Ordinal));
        reference!.ReplaceWith(reference.GetValue<string>().Replace("0.4.0", version, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(Notebooks, name), notebook.ToJsonString());

        string executed = Path.GetFileNameWithoutExtension(name) + ".executed.ipynb";
        var clock = Stopwatch.StartNew();
        Run("jupyter", ["nbconvert", "--to", "notebook", "--execute", name, "--output", executed, "--ExecutePreprocessor.timeout=600"],
            Notebooks, TimeSpan.FromMinutes(10));
        clock.Stop();
        string path = Path.Combine(Notebooks, executed);
        File.Copy(path, Repo.Artefacts("notebooks", executed), overwrite: true);          // for people to open
        return new ExecutedNotebook(JsonNode.Parse(File.ReadAllText(path))!, clock.Elapsed);
    }

    /// <summary>Runs a program to completion; fails the test with its output on a non-zero exit or a timeout.</summary>
    static void Run(string file, IReadOnlyList<string> args, string workDir, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        // `dotnet tool install -g` puts dotnet-interactive here; the kernels start it as `dotnet interactive`.
        string tools = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools");
        info.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") + Path.PathSeparator + tools;
        Process process;
        try { process = Process.Start(info)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"`{file}` cannot be started ({e.Message}): run .ci/install-deps, which installs Jupyter and the .NET Interactive kernels", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{file} {string.Join(" ", args)} did not finish in {timeout}");
            }
            Assert.True(process.ExitCode == 0,
                $"{file} {string.Join(" ", args)} exited {process.ExitCode} (.ci/install-deps installs what it needs):\n{stdout.Result}\n{stderr.Result}");
        }
    }

    public void Dispose()
    {
        // Leave the shared NuGet cache as it was.
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p
            ? p : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        if (!Directory.Exists(packages)) return;
        foreach (var dir in Directory.GetDirectories(packages, "cnnexp.*"))
        {
            string v = Path.Combine(dir, version.ToLowerInvariant());
            if (Directory.Exists(v)) Directory.Delete(v, recursive: true);
            if (Directory.GetFileSystemEntries(dir).Length == 0) Directory.Delete(dir);
        }
    }
}
