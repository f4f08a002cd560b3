using Cnnexp.Spec;
using Spectre.Console;

namespace Cnnexp.Scripting.Tests;

/// <summary>A temporary folder holding a spec and its hooks, as a user would lay them out; deleted on dispose.</summary>
sealed class Workspace : IDisposable
{
    /// <summary>Compiled hooks shared by tests that do not measure the cache (each script compiles once per machine).</summary>
    public static string SharedCache { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cnnexp-tests", "hook-cache");

    public Workspace()
    {
        Dir = Scratch.NewDir();
        Directory.CreateDirectory(System.IO.Path.Combine(Dir, "hooks"));
    }

    /// <summary>Deletes the folder (the shared hook cache stays), retrying once: a run may still be closing files.</summary>
    public void Dispose()
    {
        for (int attempt = 0; attempt < 3 && Directory.Exists(Dir); attempt++)
        {
            try { Directory.Delete(Dir, recursive: true); }
            catch (IOException) { Thread.Sleep(200); }
        }
    }

    public string Dir { get; }

    public string Path(params string[] parts) => System.IO.Path.Combine([Dir, .. parts]);

    public Workspace Write(string relative, string text)
    {
        File.WriteAllText(Path(relative), text);
        return this;
    }

    public LoadResult Load(string spec)
    {
        var load = Experiment.Load(Path(spec));
        Assert.True(load.Ok, load.FormatDiagnostics());
        return load;
    }

    /// <summary>Runs the CLI in-process with this folder as the current directory, as a user in it would.</summary>
    public async Task<(int ExitCode, string Output)> Cli(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        string before = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(Dir);
        try
        {
            int code = await Cnnexp.Cli.CliApp.RunAsync(args, console);
            return (code, writer.ToString());
        }
        finally { Directory.SetCurrentDirectory(before); }
    }

    /// <summary>A two-layer model on 200 synthetic images: trains in about a second per epoch.</summary>
    public static string TinySpec(string name, string extra = "", int epochs = 3) => $$"""
        name: {{name}}
        data: { dataset: synthetic, batch_size: 50, limit: 200 }
        train: { epochs: {{epochs}}, optimizer: { type: adam, lr: 0.003 } }
        {{extra}}
        models:
          a:
            layers: [conv2d: { out: 4, kernel: 3 }, relu, maxpool2d: { kernel: 4 }, flatten, linear: { out: 10 }]
          b:
            extends: a
        """;
}
