using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

public sealed class RunCommand(IAnsiConsole console) : AsyncCommand<RunCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SPEC>")]
        [Description("The experiment spec (YAML).")]
        public string Spec { get; init; } = "";

        [CommandOption("-o|--out <DIR>")]
        [Description("Run directory. Default: runs/NAME/STAMP-HASH.")]
        public string? Out { get; init; }

        [CommandOption("--threads <N>")]
        [Description("CPU threads for libtorch. Default: $CNNEXP_THREADS, $SLURM_CPUS_PER_TASK or all cores.")]
        public int Threads { get; init; }

        [CommandOption("--set <KEY=VALUE>")]
        [Description("Override a key by its dotted path, e.g. train.epochs=2 or models.standard.layers.conv1.out=16. Repeatable; type-checked like the file.")]
        public string[] Set { get; init; } = [];

        [CommandOption("-q|--quiet")]
        [Description("Print only the results table.")]
        public bool Quiet { get; init; }

        public override ValidationResult Validate() =>
            Threads < 0 ? ValidationResult.Error("--threads must be 0 or more") : ValidationResult.Success();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var load = Experiment.Load(settings.Spec, settings.Set);
        if (!load.Ok) return Task.FromResult(Invalid(load.FormatDiagnostics()));
        var plan = Experiment.Plan(load.Spec!, load.Sources);
        if (!plan.Ok) return Task.FromResult(Invalid(plan.FormatDiagnostics()));

        using var interrupt = new CancelOnCtrlC();
        var run = Experiment.Run(plan.Plan!, new RunSettings { OutDir = settings.Out, Threads = settings.Threads },
            settings.Quiet ? null : line => console.Profile.Out.Writer.WriteLine(line), interrupt.Token);
        ResultsTable.Write(console, run);
        return Task.FromResult(ExitCodes.Success);
    }

    int Invalid(string diagnostics)
    {
        console.Profile.Out.Writer.WriteLine(diagnostics);
        return ExitCodes.InvalidInput;
    }
}
