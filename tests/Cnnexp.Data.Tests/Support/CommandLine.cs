using Cnnexp.Cli;
using Spectre.Console;

namespace Cnnexp.Data.Tests.Support;

/// <summary>Runs the cnnexp command line in-process, wide and without colour, and captures what it prints.</summary>
static class CommandLine
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
        console.Profile.Width = 10_000;                     // no wrapping: assertions see whole lines
        int code = await CliApp.RunAsync(args, console);
        return new Result(code, writer.ToString());
    }
}
