using Spectre.Console;

namespace Cnnexp.Cli.Output;

/// <summary>
/// The two consoles a command writes to — results on standard output, errors and warnings on
/// standard error — made the same way for the real process and for tests. The environment is read
/// once, here at the edge: <c>COLUMNS</c> sets the width when output is piped or the terminal's
/// own width is unknown.
/// </summary>
public static class Terminal
{
    /// <summary>Width when neither a terminal nor COLUMNS says otherwise.</summary>
    public const int DefaultWidth = 80;

    /// <summary>A console over <paramref name="writer"/> that never ends a line with spaces.</summary>
    public static IAnsiConsole Create(TextWriter writer, int? width = null, bool ansi = false, bool interactive = false)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(new TrimTrailingSpaces(writer)),
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        console.Profile.Width = width ?? DefaultWidth;
        return console;
    }

    /// <summary>The width COLUMNS asks for, or the terminal's, or null (then <see cref="DefaultWidth"/>).</summary>
    public static int? Width(string? columns, bool redirected)
    {
        if (int.TryParse(columns, out int n) && n is >= 20 and <= 1000) return n;
        if (redirected) return null;
        try { return Console.WindowWidth is > 0 and var w ? w : null; }
        catch (IOException) { return null; }
    }

    /// <summary>Standard output and standard error of this process.</summary>
    public static (IAnsiConsole Out, IAnsiConsole Error) Process()
    {
        string? columns = Environment.GetEnvironmentVariable("COLUMNS");
        var stdout = Create(Console.Out, Width(columns, Console.IsOutputRedirected), ansi: !Console.IsOutputRedirected,
            interactive: !Console.IsOutputRedirected);
        var stderr = Create(Console.Error, Width(columns, Console.IsErrorRedirected), ansi: !Console.IsErrorRedirected);
        return (stdout, stderr);
    }
}
