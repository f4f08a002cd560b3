using System.ComponentModel;
using Cnnexp.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

public sealed class ExportCommand(IAnsiConsole console, ErrorConsole errors) : Command<ExportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<RUN_OR_SPEC>")]
        [Description("A run directory (its trained weights), or a spec file (each seed's initial weights).")]
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
        [Description("pt (PyTorch state_dict), safetensors, both, pytorch (MODEL.py, a torch.nn.Module, plus the .pt it loads), or onnx (MODEL-seedS.onnx, opset 17). Default: both.")]
        public string Format { get; init; } = "both";

        [CommandOption("--onnx")]
        [Description("Also write MODEL-seedS.onnx (opset 17; the input transforms and normalisation inside the graph).")]
        public bool Onnx { get; init; }

        [CommandOption("--set <KEY=VALUE>")]
        [Description(SpecInput.SetHelp + " Applied to the run's spec.resolved.yaml; must not change a layer's shape, or the weights will not fit.")]
        public string[] Set { get; init; } = [];

        [CommandOption("-o|--out <DIR>")]
        [Description("Where to write. Default: RUN/export, or export/NAME for a spec.")]
        public string? Out { get; init; }

        public override ValidationResult Validate() => Formats.ContainsKey(Format)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--format must be pt, safetensors, both, pytorch or onnx, not `{Format}`");
    }

    static readonly Dictionary<string, ExportFormat> Formats = new()
    {
        ["pt"] = ExportFormat.StateDict,
        ["safetensors"] = ExportFormat.Safetensors,
        ["both"] = ExportFormat.StateDict | ExportFormat.Safetensors,
        ["pytorch"] = ExportFormat.PyTorch,
        ["onnx"] = ExportFormat.Onnx,
    };

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var result = Experiment.Export(settings.Dir, new ExportOptions
        {
            Model = settings.Model, Seed = settings.Seed, Best = settings.Best, Formats = Formats[settings.Format] | (settings.Onnx ? ExportFormat.Onnx : 0), OutDir = settings.Out,
            Overrides = settings.Set,
        });
        if (!result.Ok) return errors.Invalid(result.Error!);
        foreach (var file in result.Files) console.Profile.Out.Writer.WriteLine(file);
        return ExitCodes.Success;
    }
}
