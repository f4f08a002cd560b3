using System.ComponentModel;
using Cnnexp.Results;
using Cnnexp.Spec;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

public sealed class RunCommand(IAnsiConsole console) : Command<RunCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[SPEC]")]
        [Description("The experiment spec (YAML). Optional with --resume: the run directory's spec.resolved.yaml is used.")]
        public string? Spec { get; init; }

        [CommandOption("-o|--out <DIR>")]
        [Description("Run directory. Default: runs/NAME/STAMP-HASH. A directory holding a run of the same spec is continued.")]
        public string? Out { get; init; }

        [CommandOption("--resume <DIR>")]
        [Description("Continue an interrupted run: finished models and seeds are kept, the others go on from their last finished epoch.")]
        public string? Resume { get; init; }

        [CommandOption("--threads <N>")]
        [Description("CPU threads for libtorch. Default: $CNNEXP_THREADS, $SLURM_CPUS_PER_TASK or all cores.")]
        public int Threads { get; init; }

        [CommandOption("--no-hooks")]
        [Description("Refuse (exit 2) a spec that names any .csx script: hooks are code that runs with your rights.")]
        public bool NoHooks { get; init; }

        [CommandOption("-q|--quiet")]
        [Description("Print only the results table.")]
        public bool Quiet { get; init; }

        public override ValidationResult Validate() =>
            Threads < 0 ? ValidationResult.Error("--threads must be 0 or more")
            : Spec is null && Resume is null ? ValidationResult.Error("give a SPEC file, or --resume DIR")
            : Out is not null && Resume is not null && Path.GetFullPath(Out) != Path.GetFullPath(Resume)
                ? ValidationResult.Error("--out and --resume name different directories; give one")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        string? specPath = settings.Spec ?? Path.Combine(settings.Resume!, RunFiles.ResolvedSpec);
        if (settings.Spec is null && !File.Exists(specPath))
            return Invalid($"error: {settings.Resume} is not a run directory (it has no {RunFiles.ResolvedSpec})");
        var load = Experiment.Load(specPath);
        if (!load.Ok) return Invalid(load.FormatDiagnostics());

        string outDir = settings.Resume ?? settings.Out ?? Experiment.DefaultRunDir(load.Spec!);
        using var interrupt = new CancelOnCtrlC();
        var progress = new RunProgress(console, settings.Quiet);
        try
        {
            // Plans (compiling hook scripts while the data loads) and trains; an invalid spec trains nothing.
            var run = progress.Run(callbacks => Experiment.RunAsync(load.Spec!, new RunSettings
            {
                OutDir = outDir, Threads = settings.Threads, Callbacks = callbacks, Log = progress.Log, AllowHooks = !settings.NoHooks,
                CommandLine = "cnnexp " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
            }, null, interrupt.Token).GetAwaiter().GetResult());
            if (run.Summary is null) return Invalid(run.FormatDiagnostics());
            ResultsTable.Write(console, run);
            return run.Failures.Count > 0 ? ExitCodes.Failure : ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine($"[yellow]interrupted:[/] finished epochs are kept in {Markup.Escape(outDir)}");
            console.MarkupLine($"resume with: [bold]cnnexp run --resume {Markup.Escape(outDir)}[/]");
            return ExitCodes.Interrupted;
        }
    }

    int Invalid(string diagnostics)
    {
        console.Profile.Out.Writer.WriteLine(diagnostics);
        return ExitCodes.InvalidInput;
    }
}
