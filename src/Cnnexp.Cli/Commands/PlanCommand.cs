using System.ComponentModel;
using System.Globalization;
using Cnnexp.Cli.Output;
using Cnnexp.Spec.Planning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

/// <summary>Lists every unit of work (model × seed) with its stable id and estimated cost.</summary>
public sealed class PlanCommand(IAnsiConsole console, ErrorConsole errors) : Command<PlanCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SPEC>")] [Description("The experiment spec.")] public string Spec { get; init; } = "";

        [CommandOption("--measure")]
        [Description("Time a few training steps of each model on random data to estimate seconds per epoch.")]
        public bool Measure { get; init; }

        [CommandOption("--threads <N>")] [Description("CPU threads for --measure.")] public int Threads { get; init; }

        [CommandOption("--set <KEY=VALUE>")]
        [Description(SpecInput.SetHelp + " Unit ids depend on the settings: give `run` the same --set.")]
        public string[] Set { get; init; } = [];

        [CommandOption("--format <FORMAT>")] [Description(TableFormats.Help)] public string Format { get; init; } = "table";

        public override ValidationResult Validate() =>
            TableFormats.Parse(Format) is null ? ValidationResult.Error(TableFormats.Error(Format)) : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellation)
    {
        if (SpecInput.Plan(errors, s.Spec, s.Set) is not { } p) return ExitCodes.InvalidInput;
        var perEpoch = s.Measure ? p.Models.ToDictionary(m => m.Name, m => Experiment.EstimateSecondsPerEpoch(p, m.Name, s.Threads)) : null;
        var columns = new List<string> { "unit", "model", "seed", "parameters", "MACs / image" };
        if (perEpoch is not null) columns.AddRange(["est. s / epoch", "est. total"]);
        var table = new TextTable([.. columns]).RightAlign(2, 3, 4);
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
            table.Add([.. row]);
        }
        table.Write(console, TableFormats.Parse(s.Format)!.Value);
        console.Profile.Out.Writer.WriteLine($"{p.Models.Count} model(s) x {p.Spec.RunSeeds.Count} seed(s) = {WorkUnit.Of(p).Count} units");
        return ExitCodes.Success;
    }
}
