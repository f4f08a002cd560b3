using Spectre.Console;

namespace Cnnexp.Cli.Output;

/// <summary>
/// Standard error, handed to commands beside the output console: errors and warnings go here, so
/// `cnnexp check bad.yaml > /dev/null` still shows them and scripts reading stdout get only results.
/// </summary>
public sealed class ErrorConsole(IAnsiConsole console)
{
    public IAnsiConsole Console { get; } = console;

    /// <summary>Plain text, unwrapped, so paths and commands in it can be copied.</summary>
    public void Line(string text) => Console.Profile.Out.Writer.WriteLine(text);

    /// <summary>`error: TEXT`, and the exit code for invalid input.</summary>
    public int Invalid(string text)
    {
        Line(text.StartsWith("error: ", StringComparison.Ordinal) || text.Contains(": error: ", StringComparison.Ordinal) ? text : "error: " + text);
        return ExitCodes.InvalidInput;
    }

    /// <summary>Diagnostics as formatted (they carry their own `error:`), and the exit code for invalid input.</summary>
    public int Diagnostics(string formatted)
    {
        Line(formatted);
        return ExitCodes.InvalidInput;
    }
}
