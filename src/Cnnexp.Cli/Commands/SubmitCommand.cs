using System.ComponentModel;
using System.Diagnostics;
using Cnnexp.Cli.Cluster;
using Cnnexp.Results;
using Cnnexp.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

/// <summary>Hands the units that are not finished to Slurm (an sbatch job array) or Kubernetes (an Indexed Job).</summary>
public sealed class SubmitCommand(IAnsiConsole console, ErrorConsole errors) : Command<SubmitCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SPEC>")] [Description("The experiment spec.")] public string Spec { get; init; } = "";
        [CommandOption("-o|--out <DIR>")] [Description("Run directory, on a file system every node sees.")] public string Out { get; init; } = "";
        [CommandOption("--slurm")] [Description("Submit an sbatch job array.")] public bool Slurm { get; init; }
        [CommandOption("--k8s")] [Description("Write a Kubernetes Indexed Job manifest (apply it with kubectl).")] public bool Kubernetes { get; init; }
        [CommandOption("--partition <P>")] [Description("Slurm partition.")] public string? Partition { get; init; }
        [CommandOption("--time <T>")] [Description("Slurm time limit per unit, e.g. 02:00:00.")] public string? Time { get; init; }
        [CommandOption("--cpus-per-task <C>")] [Description("CPU cores per unit (and libtorch threads). Default 2.")] public int CpusPerTask { get; init; } = 2;
        [CommandOption("--gpus-per-task <G>")] [Description("GPUs per unit.")] public int? GpusPerTask { get; init; }
        [CommandOption("--max-parallel <K>")] [Description("At most K units at once (Slurm %K throttle, Job parallelism).")] public int? MaxParallel { get; init; }
        [CommandOption("--report")] [Description("Slurm: also submit `cnnexp report DIR` to run when the array ends.")] public bool Report { get; init; }
        [CommandOption("--dry-run")] [Description("Write the script or manifest and print it; submit nothing.")] public bool DryRun { get; init; }
        [CommandOption("--image <IMAGE>")] [Description("Kubernetes: container image with cnnexp installed.")] public string? Image { get; init; }
        [CommandOption("--namespace <NS>")] [Description("Kubernetes namespace.")] public string? Namespace { get; init; }
        [CommandOption("--pvc <CLAIM>")] [Description("Kubernetes: persistent volume claim holding the run directory and data cache.")] public string? Pvc { get; init; }
        [CommandOption("--mount <PATH>")] [Description("Kubernetes: where the claim is mounted; the run directory must lie under it. Default: /work.")] public string Mount { get; init; } = "/work";
        [CommandOption("--set <KEY=VALUE>")] [Description(SpecInput.SetHelp + " The run directory keeps the resolved spec, so jobs train what was planned.")] public string[] Set { get; init; } = [];
        [CommandOption("--cnnexp <CMD>")] [Description("How job scripts call cnnexp. Default: this cnnexp's own path.")] public string? Cnnexp { get; init; }

        public override ValidationResult Validate() =>
            Out.Length == 0 ? ValidationResult.Error("submit needs --out DIR: the shared run directory")
            : Slurm == Kubernetes ? ValidationResult.Error("give exactly one of --slurm or --k8s")
            : Kubernetes && Image is null ? ValidationResult.Error("--k8s needs --image (a container image with cnnexp installed)")
            : CpusPerTask < 1 ? ValidationResult.Error("--cpus-per-task must be at least 1")
            : MaxParallel is < 1 ? ValidationResult.Error("--max-parallel must be at least 1")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellation)
    {
        if (SpecInput.Plan(errors, s.Spec, s.Set) is not { } plan) return ExitCodes.InvalidInput;
        string? bf16 = Bf16Mode(plan);
        if (bf16 is not (null or "emulated" or "native"))
        {
            errors.Line($"error: CNNEXP_BF16={bf16} is not a bf16 mode: use `native` (the nodes' bf16 kernels) or `emulated`, or unset it");
            return ExitCodes.InvalidInput;
        }
        string dir = Path.GetFullPath(s.Out);
        Experiment.PrepareRunDir(dir, plan);                         // refuses a directory holding another spec
        var pending = Ledger.Read(dir).Where(e => !e.Status.IsFinished()).ToList();
        var study = StudyStatus.Of(plan, dir);
        if (study is not null)                                   // adaptive seeds: one wave at a time, then a re-submit decides again
        {
            console.WriteLine($"adaptive seeds: {study.Decision}");
            if (study.Stopped) return Stopped(s, dir);
            pending = pending.Where(e => study.Next.Contains((e.Model, e.Seed))).ToList();
        }
        if (pending.Count == 0)
        {
            console.WriteLine($"all units in {dir} are finished; nothing to submit. Next: cnnexp report {dir}");
            return ExitCodes.Success;
        }
        string stamp = DateTime.Now.ToString("yyyyMMdd-HHmmss");
        string kind = s.Slurm ? "slurm" : "k8s";
        Directory.CreateDirectory(Path.Combine(dir, kind, "logs"));
        string list = Path.Combine(dir, kind, $"units-{stamp}.txt");
        File.WriteAllLines(list, pending.Select(p => p.Id));
        console.WriteLine($"{pending.Count} unit(s) to run ({string.Join(", ", pending.GroupBy(p => p.Status).Select(g => $"{g.Count()} {g.Key.Token()}"))})");
        return s.Slurm ? SubmitSlurm(s, plan.Spec.Name, dir, list, pending.Count, stamp, adaptive: study is not null, bf16)
            : WriteKubernetes(s, plan.Spec.Name, dir, list, pending.Count, stamp, bf16);
    }

    /// <summary>An adaptive study that has decided: nothing more to train; the report, if asked for.</summary>
    int Stopped(Settings s, string dir)
    {
        if (s.Report && s.Slurm && !s.DryRun)
        {
            var args = new List<string> { "--parsable", "--job-name=cnnexp-report", $"--output={Path.Combine(dir, "slurm", "logs", "report-%j.out")}" };
            if (s.Partition is not null) args.Add($"--partition={s.Partition}");
            args.Add($"--wrap={s.Cnnexp ?? CnnexpCommand.Current()} report {Shell.Quote(dir)}");
            if (Sbatch(args) is not { } report) return ExitCodes.Failure;
            console.WriteLine($"submitted report job {report}");
        }
        else console.WriteLine($"nothing to submit. Next: cnnexp report {dir}");
        return ExitCodes.Success;
    }

    /// <summary>
    /// The job that decides the next wave of an adaptive study once this one ends: it runs this same
    /// submit again (from the run directory's own spec), which submits the next wave or, once the
    /// study has decided, the report.
    /// </summary>
    string? Resubmit(Settings s, string dir, string job, string cnnexp)
    {
        var again = new List<string> { cnnexp, "submit", Path.Combine(dir, RunFiles.ResolvedSpec), "--out", dir, "--slurm",
            "--cpus-per-task", s.CpusPerTask.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (s.Partition is not null) again.AddRange(["--partition", s.Partition]);
        if (s.Time is not null) again.AddRange(["--time", s.Time]);
        if (s.GpusPerTask is int g) again.AddRange(["--gpus-per-task", g.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        if (s.MaxParallel is int k) again.AddRange(["--max-parallel", k.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        if (s.Report) again.Add("--report");
        if (s.Cnnexp is not null) again.AddRange(["--cnnexp", s.Cnnexp]);
        var args = new List<string> { "--parsable", $"--dependency=afterany:{job}", "--job-name=cnnexp-next-wave",
            $"--output={Path.Combine(dir, "slurm", "logs", "next-wave-%j.out")}" };
        if (s.Partition is not null) args.Add($"--partition={s.Partition}");
        args.Add("--wrap=" + string.Join(' ', again.Skip(1).Select(Shell.Quote).Prepend(cnnexp)));
        return Sbatch(args);
    }

    /// <summary>
    /// With a model in bf16, the mode every job uses: $CNNEXP_BF16 as given here, else `emulated` (bf16's
    /// rounding on any CPU). Left to each node, a node with AMX and one without would train one run in two
    /// modes; `CNNEXP_BF16=native cnnexp submit …` asks for the nodes' bf16 kernels.
    /// </summary>
    static string? Bf16Mode(Cnnexp.Spec.Planning.ExperimentPlan plan) =>
        plan.Models.Any(m => m.TrainFor(plan.Spec).Precision == Cnnexp.Spec.Model.Precision.Bf16)
            ? Environment.GetEnvironmentVariable("CNNEXP_BF16") is { Length: > 0 } v ? v.Trim().ToLowerInvariant() : "emulated"
            : null;

    int SubmitSlurm(Settings s, string name, string dir, string list, int count, string stamp, bool adaptive, string? bf16)
    {
        string cnnexp = s.Cnnexp ?? CnnexpCommand.Current();
        string script = Path.Combine(dir, "slurm", $"array-{stamp}.sbatch");
        File.WriteAllText(script, SlurmScript.Write(name, dir, list, count,
            new SlurmOptions(s.Partition, s.Time, s.CpusPerTask, s.GpusPerTask, s.MaxParallel), cnnexp, bf16));
        console.WriteLine($"wrote {script}");
        if (s.DryRun)
        {
            console.Profile.Out.Writer.Write(File.ReadAllText(script));
            return ExitCodes.Success;
        }
        if (Sbatch(["--parsable", script]) is not { } job) return ExitCodes.Failure;
        console.WriteLine($"submitted job array {job} ({count} task(s))");
        if (adaptive)
        {
            if (Resubmit(s, dir, job, cnnexp) is not { } next) return ExitCodes.Failure;
            console.Profile.Out.Writer.WriteLine($"submitted job {next}: it decides after this wave, then submits the next wave or the report");
        }
        else if (s.Report)
        {
            var args = new List<string> { "--parsable", $"--dependency=afterany:{job}", "--job-name=cnnexp-report",
                $"--output={Path.Combine(dir, "slurm", "logs", "report-%j.out")}" };
            if (s.Partition is not null) args.Add($"--partition={s.Partition}");
            args.Add($"--wrap={cnnexp} report {Shell.Quote(dir)}");
            if (Sbatch(args) is not { } report) return ExitCodes.Failure;
            console.WriteLine($"submitted report job {report} (runs after {job})");
        }
        console.WriteLine($"follow with: cnnexp status {dir}");
        return ExitCodes.Success;
    }

    int WriteKubernetes(Settings s, string name, string dir, string list, int count, string stamp, string? bf16)
    {
        string file = Path.Combine(dir, "k8s", $"job-{stamp}.yaml");
        string jobName = KubernetesJob.Name(name, stamp);
        File.WriteAllText(file, KubernetesJob.Write(jobName, dir, list, count,
            new KubernetesOptions(s.Image!, s.Namespace, s.Pvc, s.Mount, s.CpusPerTask, s.GpusPerTask, s.MaxParallel), bf16));
        console.WriteLine($"wrote {file}");
        if (s.DryRun) console.Profile.Out.Writer.Write(File.ReadAllText(file));
        console.WriteLine($"apply with: kubectl apply -f {file}; then cnnexp status {dir}");
        if (s.Pvc is null) errors.Line("note: no --pvc given: every pod must see the run directory at the same path");
        return ExitCodes.Success;
    }

    string? Sbatch(IReadOnlyList<string> args)
    {
        try
        {
            var info = new ProcessStartInfo("sbatch", args) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(info)!;
            string output = p.StandardOutput.ReadToEnd(), error = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode == 0) return output.Trim().Split(';')[0];
            errors.Line($"error: sbatch failed ({p.ExitCode}): {error.Trim()}");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            errors.Line("error: sbatch was not found: is this a Slurm login node? (--dry-run writes the script without submitting)");
        }
        return null;
    }
}
