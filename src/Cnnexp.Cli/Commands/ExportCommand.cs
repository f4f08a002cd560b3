using System.ComponentModel;
using Cnnexp.Engine.Export;
using Cnnexp.Results;
using Cnnexp.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

public sealed class ExportCommand(IAnsiConsole console, ErrorConsole errors) : Command<ExportCommand.Settings>
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

        [CommandOption("--set <KEY=VALUE>")]
        [Description(SpecInput.SetHelp + " Applied to the run's spec.resolved.yaml; must not change a layer's shape, or the weights will not fit.")]
        public string[] Set { get; init; } = [];

        [CommandOption("-o|--out <DIR>")]
        [Description("Where to write. Default: DIR/export.")]
        public string? Out { get; init; }

        public override ValidationResult Validate() => Format is "pt" or "safetensors" or "both"
            ? ValidationResult.Success()
            : ValidationResult.Error($"--format must be pt, safetensors or both, not `{Format}`");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        string resolved = Path.Combine(settings.Dir, RunFiles.ResolvedSpec);
        if (!File.Exists(resolved))
            return errors.Invalid($"{settings.Dir} is not a run directory (it has no {RunFiles.ResolvedSpec})");
        if (SpecInput.Plan(errors, resolved, settings.Set) is not { } plan) return ExitCodes.InvalidInput;
        var models = plan.Models.Where(m => settings.Model is null || m.Name == settings.Model).ToList();
        if (models.Count == 0)
            return errors.Invalid($"no model `{settings.Model}` in {settings.Dir}; models: {string.Join(", ", plan.Models.Select(m => m.Name))}");
        var format = settings.Format switch { "pt" => WeightFormat.PyTorch, "safetensors" => WeightFormat.Safetensors, _ => WeightFormat.Both };
        string outDir = settings.Out ?? Path.Combine(settings.Dir, "export");
        int count = 0;
        foreach (var model in models)
            foreach (int seed in plan.Spec.RunSeeds.Where(s => settings.Seed is null || s == settings.Seed))
            {
                if (UnitPaths.For(settings.Dir, model.Name, seed).ReadState() is not { EpochsDone: > 0 }) continue;
                foreach (var file in WeightsExporter.Export(model, settings.Dir, seed, settings.Best, outDir, format))
                {
                    console.Profile.Out.Writer.WriteLine(file);
                    count++;
                }
            }
        if (count == 0)
            return errors.Invalid("nothing to export: no matching model and seed has a finished epoch");
        return ExitCodes.Success;
    }
}
