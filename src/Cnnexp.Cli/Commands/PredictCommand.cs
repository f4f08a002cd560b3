using System.ComponentModel;
using Cnnexp.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

/// <summary>`cnnexp predict RUN IMAGE…`: a trained model's top classes per image, through <see cref="Experiment.Predict"/>.</summary>
public sealed class PredictCommand(IAnsiConsole console, ErrorConsole errors) : Command<PredictCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<RUN>")]
        [Description("A run directory.")]
        public string Run { get; init; } = "";

        [CommandArgument(1, "<IMAGE_OR_FOLDER>")]
        [Description("PNG or JPEG files, or folders of them (every subfolder, in path order).")]
        public string[] Inputs { get; init; } = [];

        [CommandOption("--model <NAME>")]
        [Description("The model to use. Default: the run's only model.")]
        public string? Model { get; init; }

        [CommandOption("--seed <SEED>")]
        [Description("The seed whose weights to use. Default: the spec's first seed.")]
        public int? Seed { get; init; }

        [CommandOption("--best")]
        [Description("Use the best epoch's weights instead of the last epoch's.")]
        public bool Best { get; init; }

        [CommandOption("--top <K>")]
        [Description("Classes to show per image, most probable first. Default: 5.")]
        public int Top { get; init; } = 5;

        [CommandOption("--format <FORMAT>")]
        [Description("table (default), csv, or json (every class's logit and probability too).")]
        public string Format { get; init; } = "table";

        public override ValidationResult Validate() =>
            !PredictionText.Formats.Contains(Format) ? ValidationResult.Error($"--format must be table, csv or json, not `{Format}`")
            : Top < 1 ? ValidationResult.Error($"--top must be at least 1, not {Top}")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var result = Experiment.Predict(settings.Run, new PredictOptions
        {
            Inputs = settings.Inputs, Model = settings.Model, Seed = settings.Seed, Best = settings.Best, Top = settings.Top,
        });
        if (result.Error is { } error) return errors.Invalid(error);
        foreach (var note in result.Notes) errors.Line("note: " + note);
        console.Profile.Out.Writer.Write(PredictionText.Write(settings.Format, result));
        foreach (var bad in result.ImageErrors) errors.Line("error: " + bad);
        return result.ImageErrors.Count > 0 ? ExitCodes.InvalidInput : ExitCodes.Success;
    }
}
