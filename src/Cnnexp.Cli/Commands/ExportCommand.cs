using System.ComponentModel;
using Cnnexp.Engine.Export;
using Cnnexp.Results;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

public sealed class ExportCommand(IAnsiConsole console) : Command<ExportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("A run directory.")]
        public string Dir { get; init; } = "";

        [CommandOption("--model <NAME>")]
        [Description("Export only this model. Default: every model.")]
        public string? Model { get; init; }

        [CommandOption("--seed <SEED>")]
        [Description("Export only this seed. Default: every seed.")]
        public int? Seed { get; init; }

        [CommandOption("--best")]
        [Description("Export the best epoch's weights instead of the last epoch's.")]
        public bool Best { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("pt (PyTorch state_dict), safetensors, or both. Default: both.")]
        public string Format { get; init; } = "both";

        [CommandOption("-o|--out <DIR>")]
        [Description("Where to write. Default: DIR/export.")]
        public string? Out { get; init; }

        public override ValidationResult Validate() => Format is "pt" or "safetensors" or "both"
            ? ValidationResult.Success()
            : ValidationResult.Error($"--format must be pt, safetensors or both, not `{Format}`");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var load = Experiment.Load(Path.Combine(settings.Dir, RunFiles.ResolvedSpec));
        if (!load.Ok)
        {
            console.Profile.Out.Writer.WriteLine($"error: {settings.Dir} is not a readable run directory\n{load.FormatDiagnostics()}");
            return ExitCodes.InvalidInput;
        }
        var plan = Experiment.Plan(load.Spec!, load.Sources).Plan!;
        var models = plan.Models.Where(m => settings.Model is null || m.Name == settings.Model).ToList();
        if (models.Count == 0)
        {
            console.Profile.Out.Writer.WriteLine($"error: no model `{settings.Model}` in {settings.Dir}; models: {string.Join(", ", plan.Models.Select(m => m.Name))}");
            return ExitCodes.InvalidInput;
        }
        var format = settings.Format switch { "pt" => WeightFormat.PyTorch, "safetensors" => WeightFormat.Safetensors, _ => WeightFormat.Both };
        string outDir = settings.Out ?? Path.Combine(settings.Dir, "export");
        int count = 0;
        foreach (var model in models)
            foreach (int seed in plan.Spec.RunSeeds.Where(s => settings.Seed is null || s == settings.Seed))
            {
                if (UnitPaths.For(settings.Dir, model.Name, seed).ReadState() is not { EpochsDone: > 0 }) continue;
                foreach (var file in WeightsExporter.Export(model, settings.Dir, seed, settings.Best, outDir, format))
                {
                    console.WriteLine(file);
                    count++;
                }
            }
        if (count == 0)
        {
            console.Profile.Out.Writer.WriteLine("error: nothing to export: no matching model and seed has a finished epoch");
            return ExitCodes.InvalidInput;
        }
        return ExitCodes.Success;
    }
}
