using System.ComponentModel;
using System.Globalization;
using Cnnexp.Engine.Training;
using Cnnexp.Spec.Planning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

/// <summary>Lists every unit of work (model × seed) with its stable id and estimated cost.</summary>
public sealed class PlanCommand(IAnsiConsole console) : Command<PlanCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SPEC>")] [Description("The experiment spec.")] public string Spec { get; init; } = "";

        [CommandOption("--measure")]
        [Description("Time a few training steps of each model on random data to estimate seconds per epoch.")]
        public bool Measure { get; init; }

        [CommandOption("--threads <N>")] [Description("CPU threads for --measure.")] public int Threads { get; init; }
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellation)
    {
        var load = Experiment.Load(s.Spec);
        if (!load.Ok) return Fail(load.FormatDiagnostics());
        var plan = Experiment.Plan(load.Spec!, load.Sources);
        if (!plan.Ok) return Fail(plan.FormatDiagnostics());
        var p = plan.Plan!;
        var perEpoch = s.Measure ? p.Models.ToDictionary(m => m.Name, m => CostProbe.SecondsPerEpoch(p, m, s.Threads)) : null;
        var table = new Table().AddColumns("unit", "model", "seed", "parameters", "MACs / image");
        if (perEpoch is not null) table.AddColumns("est. s / epoch", "est. total");
        foreach (var unit in WorkUnit.Of(p))
        {
            var m = p.Model(unit.Model);
            var row = new List<string> { unit.Id, unit.Model, unit.Seed.ToString(CultureInfo.InvariantCulture),
                m.Parameters.ToString("N0", CultureInfo.InvariantCulture), m.Macs.ToString("N0", CultureInfo.InvariantCulture) };
            if (perEpoch is not null)
            {
                double sec = perEpoch[unit.Model];
                row.Add(double.IsNaN(sec) ? "?" : sec.ToString("F1", CultureInfo.InvariantCulture));
                row.Add(double.IsNaN(sec) ? "?" : TimeSpan.FromSeconds(sec * m.TrainFor(p.Spec).Epochs).ToString(@"hh\:mm\:ss"));
            }
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }
        console.Write(table);
        console.WriteLine($"{p.Models.Count} model(s) x {p.Spec.RunSeeds.Count} seed(s) = {WorkUnit.Of(p).Count} units");
        return ExitCodes.Success;
    }

    int Fail(string text)
    {
        console.Profile.Out.Writer.WriteLine(text);
        return ExitCodes.InvalidInput;
    }
}
