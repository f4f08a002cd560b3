using Cnnexp.Engine.Data;
using Cnnexp.Engine.Native;
using Cnnexp.Engine.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli;

/// <summary>Turns exceptions into one clear message and the right exit code.</summary>
static class Errors
{
    public static int Report(Exception e, IAnsiConsole console)
    {
        switch (e)
        {
            case CommandParseException or CommandRuntimeException:
                console.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
                console.MarkupLine("run [bold]cnnexp --help[/] for usage");
                return ExitCodes.InvalidInput;
            case SettingsException:
                console.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
                return ExitCodes.InvalidInput;
            case SpecChangedException:
                console.Profile.Out.Writer.WriteLine("error: " + e.Message);
                return ExitCodes.InvalidInput;
            case DataException:
                console.MarkupLine($"[red]data error:[/] {Markup.Escape(e.Message)}");
                return ExitCodes.InvalidInput;
            case OperationCanceledException:
                console.MarkupLine("[yellow]interrupted:[/] finished epochs are kept in the run directory");
                return ExitCodes.Interrupted;
            case Scripting.Running.HookException:
                console.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
                return ExitCodes.Failure;
            case NativeLoadException:
                console.WriteLine(e.Message);
                return ExitCodes.Failure;
            default:
                console.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
                console.WriteLine(e.ToString());
                return ExitCodes.Failure;
        }
    }
}
