using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli;

/// <summary>Turns exceptions into one clear message on standard error and the right exit code.</summary>
static class Errors
{
    /// <param name="commands">The command names, to suggest one for a typo.</param>
    public static int Report(Exception e, IAnsiConsole errors, IReadOnlyCollection<string> commands)
    {
        var plain = errors.Profile.Out.Writer;
        if (e is CommandParseException or CommandRuntimeException)
        {
            plain.WriteLine($"error: {e.Message}");
            if (UnknownCommand(e.Message) is { } typed && Spec.Binding.Suggest.Closest(typed, commands) is { } near)
                plain.WriteLine($"  hint: did you mean `cnnexp {near}`?");
            plain.WriteLine("run `cnnexp --help` for usage");
            return ExitCodes.InvalidInput;
        }
        switch (Failures.KindOf(e))
        {
            case FailureKind.InvalidInput:
                plain.WriteLine("error: " + e.Message);
                return ExitCodes.InvalidInput;
            case FailureKind.Data:
                plain.WriteLine("data error: " + e.Message);
                return ExitCodes.InvalidInput;
            case FailureKind.Interrupted:
                plain.WriteLine("interrupted: finished epochs are kept in the run directory");
                return ExitCodes.Interrupted;
            case FailureKind.Hook:
                plain.WriteLine("error: " + e.Message);
                return ExitCodes.Failure;
            case FailureKind.NativeLibrary:
                plain.WriteLine(e.Message);
                return ExitCodes.Failure;
            default:
                // No stack trace on the screen, but the type and the stack kept where the user can find them.
                plain.WriteLine($"error: {e.Message} ({e.GetType().Name})");
                plain.WriteLine(CrashLog.Write(e) is { } log ? $"  the details are in {log}; please attach it to a bug report" : e.ToString());
                return ExitCodes.Failure;
        }
    }

    /// <summary>The word in Spectre's "Unknown command 'chek'." message.</summary>
    static string? UnknownCommand(string message) =>
        message.StartsWith("Unknown command '", StringComparison.Ordinal) && message.IndexOf('\'', 17) is int end and > 17
            ? message[17..end] : null;
}
