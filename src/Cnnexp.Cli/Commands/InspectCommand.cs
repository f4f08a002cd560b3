using System.ComponentModel;
using System.Globalization;
using Cnnexp.Spec.Binding;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

/// <summary><c>cnnexp inspect SPEC [--model NAME]</c>: per model, each layer's shapes, parameters and MACs, with totals.</summary>
public sealed class InspectCommand(IAnsiConsole console) : Command<InspectCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SPEC>")]
        [Description("The experiment spec (YAML).")]
        public string Spec { get; init; } = "";

        [CommandOption("-m|--model <NAME>")]
        [Description("Show only this model (or sweep variant).")]
        public string? Model { get; init; }

        [CommandOption("--set <KEY=VALUE>")]
        [Description("Override a key by its dotted path, as for `run`. Repeatable.")]
        public string[] Set { get; init; } = [];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var plan = SpecInput.Plan(console, settings.Spec, settings.Set);
        if (plan is null) return ExitCodes.InvalidInput;
        var models = plan.Models.Where(m => settings.Model is null || m.Name == settings.Model).ToList();
        if (models.Count == 0)
        {
            var names = plan.Models.Select(m => m.Name).ToList();
            console.Profile.Out.Writer.WriteLine($"error: no model `{settings.Model}` in {settings.Spec}\n  hint: {Suggest.DidYouMean(settings.Model!, names)}");
            return ExitCodes.InvalidInput;
        }
        console.MarkupLine($"[bold]{Markup.Escape(plan.Spec.Name)}[/]: {plan.Dataset.Name} images {plan.Dataset.ImageShape}, " +
                           $"{plan.Dataset.ClassCount} classes; shapes are per image");
        if (plan.Spec.Description is { } description) console.WriteLine(description);
        foreach (var model in models)
        {
            console.WriteLine();
            console.Write(InspectTable.For(model));
            console.WriteLine($"{model.Name}: {N(model.Parameters)} parameters ({Size(model.Parameters * 4)}), {N(model.Macs)} MACs per image");
        }
        return ExitCodes.Success;
    }

    static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    static string Size(long bytes) => bytes < 1 << 20
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F1} KiB as float32")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F1} MiB as float32");
}
