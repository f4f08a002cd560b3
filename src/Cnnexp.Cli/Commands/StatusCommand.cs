using System.ComponentModel;
using System.Globalization;
using Cnnexp.Results;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

public sealed class StatusCommand(IAnsiConsole console) : Command<StatusCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("A run directory.")]
        public string Dir { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var entries = Ledger.Read(settings.Dir);
        if (entries.Count == 0)
        {
            console.Profile.Out.Writer.WriteLine($"error: {settings.Dir} is not a run directory (no {Ledger.UnitsFile})");
            return ExitCodes.InvalidInput;
        }
        var table = new Table().AddColumns("unit", "model", "seed", "status", "epochs", "message");
        foreach (var e in entries)
            table.AddRow(Markup.Escape(e.Id), Markup.Escape(e.Model), e.Seed.ToString(CultureInfo.InvariantCulture),
                Colour(e.Status), e.EpochsDone.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.Message ?? ""));
        console.Write(table);
        var counts = entries.GroupBy(e => e.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}");
        console.WriteLine($"{entries.Count} units: {string.Join(", ", counts)}");
        return ExitCodes.Success;
    }

    static string Colour(string status) => status switch
    {
        "done" => "[green]done[/]",
        "failed" => "[red]failed[/]",
        "stopped" => "[yellow]stopped[/]",
        _ => status,
    };
}
