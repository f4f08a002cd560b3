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
        var study = AdaptiveStatus(settings.Dir);
        if (study is not null)                                   // untouched units beyond the decision are not work to do
            entries = entries.Where(e => e.Status != UnitStatus.Pending || study.Next.Contains((e.Model, e.Seed))).ToList();
        var table = new Table().AddColumns("unit", "model", "seed", "status", "epochs", "message");
        foreach (var e in entries)
            table.AddRow(Markup.Escape(e.Id), Markup.Escape(e.Model), e.Seed.ToString(CultureInfo.InvariantCulture),
                Colour(e.Status), e.EpochsDone.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.Message ?? ""));
        console.Write(table);
        var counts = entries.GroupBy(e => e.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.Token()}");
        console.WriteLine($"{entries.Count} units: {string.Join(", ", counts)}");
        if (study is null) return ExitCodes.Success;
        foreach (var line in study.Comparisons) console.Profile.Out.Writer.WriteLine(line);
        console.Profile.Out.Writer.WriteLine($"adaptive seeds: {study.Decision}");
        return ExitCodes.Success;
    }

    /// <summary>The decision of an adaptive run (null for fixed seeds, or when its spec does not plan here).</summary>
    static StudyStatus? AdaptiveStatus(string dir)
    {
        var load = Experiment.Load(Path.Combine(dir, RunFiles.ResolvedSpec));
        if (!load.Ok || load.Spec!.Adaptive is null) return null;
        var plan = Experiment.Plan(load.Spec, load.Sources);
        return plan.Ok ? StudyStatus.Of(plan.Plan!, dir) : null;
    }

    static string Colour(UnitStatus status) => status switch
    {
        UnitStatus.Done => "[green]done[/]",
        UnitStatus.Failed => "[red]failed[/]",
        UnitStatus.Stopped => "[yellow]stopped[/]",
        _ => status.Token(),
    };
}
