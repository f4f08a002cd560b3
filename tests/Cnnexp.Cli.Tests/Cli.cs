using Spectre.Console;

namespace Cnnexp.Cli.Tests;

/// <summary>Runs the cnnexp command line in-process and captures what it prints.</summary>
static class Cli
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> Run(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        int code = await CliApp.RunAsync(args, console);
        return new Result(code, writer.ToString());
    }

    public static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "cnnexp-tests", Guid.NewGuid().ToString("n")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
