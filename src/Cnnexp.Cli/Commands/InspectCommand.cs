using System.ComponentModel;
using System.Globalization;
using Cnnexp.Cli.Output;
using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Planning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

/// <summary><c>cnnexp inspect SPEC [--model NAME]</c>: per model, each layer's shapes, parameters and MACs, with totals.</summary>
public sealed class InspectCommand(IAnsiConsole console, ErrorConsole errors) : Command<InspectCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SPEC>")]
        [Description("The experiment spec (YAML).")]
        public string Spec { get; init; } = "";

        [CommandOption("-m|--model <NAME>")]
        [Description("Show only this model, or one swept variant (e.g. `wide[conv1.out=16]`), or every variant of a swept model.")]
        public string? Model { get; init; }

        [CommandOption("--set <KEY=VALUE>")]
        [Description(SpecInput.SetHelp)]
        public string[] Set { get; init; } = [];

        [CommandOption("--format <FORMAT>")]
        [Description(TableFormats.Help)]
        public string Format { get; init; } = "table";

        public override ValidationResult Validate() =>
            TableFormats.Parse(Format) is null ? ValidationResult.Error(TableFormats.Error(Format)) : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var plan = SpecInput.Plan(errors, settings.Spec, settings.Set);
        if (plan is null) return ExitCodes.InvalidInput;
        var models = Select(plan, settings.Model);
        if (models.Count == 0)
        {
            var names = plan.Models.Select(m => m.Name).ToList();
            return errors.Invalid($"no model `{settings.Model}` in {settings.Spec}\n  hint: {Suggest.DidYouMean(settings.Model!, names)}");
        }
        var format = TableFormats.Parse(settings.Format)!.Value;
        console.WriteLine($"{plan.Spec.Name}: {plan.Dataset.Name} images {plan.Dataset.ImageShape}, {plan.Dataset.ClassCount} classes; shapes are per image");
        if (plan.Spec.Description is { } description) console.WriteLine(description);
        foreach (var model in models)
        {
            console.WriteLine();
            InspectTable.For(model).Write(console, format);
            console.WriteLine(Totals(model));                    // wrapped to the width, like the table
        }
        return ExitCodes.Success;
    }

    /// <summary>The model named, or the swept variants of the model named (`wide` → `wide[conv1.out=8]`, …).</summary>
    static List<ModelPlan> Select(ExperimentPlan plan, string? name) =>
        name is null ? [.. plan.Models]
        : plan.Models.Where(m => m.Name == name).ToList() is { Count: > 0 } exact ? exact
        : plan.Models.Where(m => m.Name.StartsWith(name + "[", StringComparison.Ordinal)).ToList();

    /// <summary>Trainable parameters (less those `freeze:` holds, which torchinfo would count as non-trainable), and the batch-norm statistics saved beside them.</summary>
    static string Totals(ModelPlan model)
    {
        long frozen = model.FrozenParameters, trainable = model.Parameters - frozen, statistics = InspectTable.Statistics(model);
        long total = model.Parameters + statistics;
        string frozenText = frozen > 0 ? $"; frozen: {N(frozen)} (freeze: {string.Join(", ", model.Spec.Freeze!)})" : "";
        return $"{model.Name}: {N(total)} parameters ({Size(total * 4)} as float32), {N(model.Macs)} MACs per image\n" +
               $"  trainable: {N(trainable)}{frozenText}; non-trainable: {N(statistics)} (batch-norm running statistics)";
    }

    static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    static string Size(long bytes) => bytes < 1 << 20
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F1} KiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F1} MiB");
}
