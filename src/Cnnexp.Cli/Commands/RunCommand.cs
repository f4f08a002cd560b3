using System.ComponentModel;
using Cnnexp.Results;
using Cnnexp.Spec;
using Cnnexp.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

public sealed class RunCommand(IAnsiConsole console, ErrorConsole errors) : Command<RunCommand.Settings>
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
        [Description("libtorch threads per unit, from 1 to the machine's cores. Default: the cores left once --jobs has its share.")]
        public int? Threads { get; init; }

        [CommandOption("--jobs <N>")]
        [Description("Units (model x seed) trained side by side, or `auto` (default): one per core, one thread each. A unit's metrics depend on its threads, never on --jobs.")]
        public string Jobs { get; init; } = "auto";

        [CommandOption("--set <KEY=VALUE>")]
        [Description(SpecInput.SetHelp)]
        public string[] Set { get; init; } = [];

        [CommandOption("--unit <ID>")]
        [Description("Train only this unit (repeatable); `cnnexp plan SPEC` lists unit ids. Other units are left as they are.")]
        public string[] Units { get; init; } = [];

        [CommandOption("--shard <I/N>")]
        [Description("Train only every N-th unit starting at I (0-based), e.g. 0/4.")]
        public string? Shard { get; init; }

        [CommandOption("--unit-list <FILE>")]
        [Description("With --unit-index: train the unit on that line (0-based) of FILE; used by job arrays.")]
        public string? UnitList { get; init; }

        [CommandOption("--unit-index <K>")]
        [Description("Line of --unit-list to train, e.g. $SLURM_ARRAY_TASK_ID.")]
        public int? UnitIndex { get; init; }

        [CommandOption("--no-hooks")]
        [Description("Refuse (exit 2) a spec that names any .csx script: hooks are code that runs with your rights.")]
        public bool NoHooks { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("How to print the results table: table (default), ascii, or markdown.")]
        public string Format { get; init; } = "table";

        [CommandOption("-q|--quiet")]
        [Description("Print only the results table.")]
        public bool Quiet { get; init; }

        public override ValidationResult Validate() =>
            Threads is < 1 ? ValidationResult.Error($"--threads must be a whole number from 1 to {Cores} (the cores this run may use), not `{Threads}`")
            : JobCount(Jobs) is null ? ValidationResult.Error($"--jobs must be `auto` or a whole number from 1 to {Cores} (the cores this run may use), not `{Jobs}`")
            : TableFormats.Parse(Format) is null ? ValidationResult.Error(TableFormats.Error(Format))
            : Spec is null && Resume is null ? ValidationResult.Error("give a SPEC file, or --resume DIR")
            : Out is not null && Resume is not null && Path.GetFullPath(Out) != Path.GetFullPath(Resume)
                ? ValidationResult.Error("--out and --resume name different directories; give one")
            : ValidationResult.Success();
    }

    /// <summary>The cores a run may use ($CNNEXP_THREADS, $SLURM_CPUS_PER_TASK or the machine's), for messages; the engine checks the budget itself.</summary>
    static int Cores
    {
        get
        {
            // As the engine counts them (HostSettings); a bad value is reported when the run starts.
            foreach (var name in new[] { "CNNEXP_THREADS", "SLURM_CPUS_PER_TASK" })
                if (int.TryParse(Environment.GetEnvironmentVariable(name), out int n) && n >= 1) return Math.Min(n, Environment.ProcessorCount);
            return Environment.ProcessorCount;
        }
    }

    /// <summary>The number --jobs names: 0 for `auto`, null when it is neither `auto` nor a whole number of 1 or more.</summary>
    internal static int? JobCount(string jobs) =>
        jobs.Equals("auto", StringComparison.OrdinalIgnoreCase) ? 0 : int.TryParse(jobs, out int n) && n >= 1 ? n : null;

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        string? specPath = settings.Spec ?? Path.Combine(settings.Resume!, RunFiles.ResolvedSpec);
        if (settings.Spec is null && !File.Exists(specPath))
            return errors.Invalid($"{settings.Resume} is not a run directory (it has no {RunFiles.ResolvedSpec})");
        var load = Experiment.Load(specPath, settings.Set);
        if (!load.Ok) return errors.Diagnostics(load.FormatDiagnostics());
        var runSettings = new RunSettings
        {
            Threads = settings.Threads ?? 0, Jobs = JobCount(settings.Jobs) is int j and > 0 ? j : null, AllowHooks = !settings.NoHooks, CommandLine = "cnnexp " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
        };
        // Hook scripts compile while the data loads on another thread; an invalid spec or hook trains nothing.
        var (plan, data) = Experiment.PlanWhileDataLoads(load.Spec!, load.Sources, runSettings with { Log = Echo(settings.Quiet) });
        if (!plan.Ok) return errors.Diagnostics(plan.FormatDiagnostics());

        var selection = UnitSelection.Resolve(plan.Plan!, settings.Units, settings.Shard, settings.UnitList, settings.UnitIndex);
        if (selection.Error is not null)
        {
            Experiment.Discard(data);
            return errors.Invalid(selection.Error);
        }
        string outDir = settings.Resume ?? settings.Out ?? Experiment.DefaultRunDir(load.Spec!);
        using var interrupt = new CancelOnCtrlC();
        var progress = new RunProgress(console, settings.Quiet);
        try
        {
            var run = progress.Run(reports => Experiment.Run(plan.Plan!, runSettings with
            {
                OutDir = outDir, Only = selection.Filter, Data = data,
            }, progress.Log, interrupt.Token, reports));
            ResultsTable.Write(console, errors, run, TableFormats.Parse(settings.Format)!.Value);
            return run.Failures.Count > 0 ? ExitCodes.Failure : ExitCodes.Success;     // a model/seed or a hook failed
        }
        catch (OperationCanceledException)
        {
            errors.Line($"interrupted: finished epochs are kept in {outDir}");
            errors.Line($"resume with: cnnexp run --resume {outDir}");
            return ExitCodes.Interrupted;
        }
    }

    /// <summary>Lines printed while planning (data download progress), unless --quiet.</summary>
    Action<string>? Echo(bool quiet) => quiet ? null : line => console.Profile.Out.Writer.WriteLine(line);
}
