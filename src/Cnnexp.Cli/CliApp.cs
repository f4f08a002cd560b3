using System.Reflection;
using Cnnexp.Cli.Commands;
using Cnnexp.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli;

/// <summary>Builds the command tree; tests drive it in-process through <see cref="RunAsync"/>.</summary>
public static class CliApp
{
    public static string Version =>
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    /// <param name="console">Standard output: what a command was asked for. Default: this process's.</param>
    /// <param name="errors">Standard error: errors, warnings and usage. Default: this process's, or
    /// <paramref name="console"/> when only that is given (one stream, as a test harness may want).</param>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole? console = null, IAnsiConsole? errors = null)
    {
        if (console is null)
        {
            var process = Terminal.Process();
            (console, errors) = (process.Out, errors ?? process.Error);
        }
        errors ??= console;
        if (args.Length == 0)                     // usage on stderr and exit 2, as most CLIs do: nothing was asked for
        {
            await Build(errors, errors).RunAsync(["--help"]);
            return ExitCodes.InvalidInput;
        }
        return await Build(console, errors).RunAsync(args);
    }

    /// <summary>Top-level command names, for "did you mean" on a typo.</summary>
    static readonly string[] Commands = ["run", "check", "inspect", "schema", "new", "plan", "status", "submit", "export", "predict", "data", "power", "report"];

    static CommandApp Build(IAnsiConsole console, IAnsiConsole errors)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("cnnexp");
            config.SetApplicationVersion(Version);
            config.ConfigureConsole(console);
            config.Settings.Registrar.RegisterInstance(new ErrorConsole(errors));
            config.Settings.StrictParsing = true;
            config.SetHelpProvider(new HelpWithWholeExamples(config.Settings));
            config.SetExceptionHandler((e, _) => Errors.Report(e, errors, Commands));
            config.AddCommand<RunCommand>("run")
                .WithDescription("Train every model of a spec for every seed, then write metrics, summary and figures.")
                .WithExample("run", "experiments/quickstart.yaml")
                .WithExample("run", "experiments/quickstart.yaml", "--out", "runs/try1")
                .WithExample("run", "experiments/sumfirst.yaml", "--set", "train.epochs=2", "--set", "data.limit=1000")
                .WithExample("run", "--resume", "runs/try1");
            config.AddCommand<CheckCommand>("check")
                .WithDescription("Validate specs and infer every shape without training; exit 0 if all are valid, 2 if not.")
                .WithExample("check", "experiments/sumfirst.yaml");
            config.AddCommand<InspectCommand>("inspect")
                .WithDescription("Print each model's layers with output shapes, parameters and multiply-accumulates, and the totals.")
                .WithExample("inspect", "experiments/sumfirst.yaml")
                .WithExample("inspect", "experiments/sumfirst.yaml", "--model", "sumfirst");
            config.AddCommand<SchemaCommand>("schema")
                .WithDescription("Write the JSON Schema of spec files (for editor completion), or the Markdown reference.")
                .WithExample("schema", "-o", ".vscode/cnnexp.schema.json");
            config.AddCommand<NewCommand>("new")
                .WithDescription("Write a commented starter spec NAME.yaml.")
                .WithExample("new", "mystudy");
            config.AddCommand<PlanCommand>("plan")
                .WithDescription("List every unit of work (model x seed) with its stable id and estimated cost.")
                .WithExample("plan", "experiments/quickstart.yaml", "--measure");
            config.AddCommand<StatusCommand>("status")
                .WithDescription("Show which units of a run directory are done, failed or pending.")
                .WithExample("status", "runs/try1");
            config.AddCommand<SubmitCommand>("submit")
                .WithDescription("Hand the units that are not finished to Slurm (a job array) or Kubernetes (an Indexed Job).")
                .WithExample("submit", "experiments/sumfirst.yaml", "--out", "/shared/runs/sumfirst", "--slurm", "--max-parallel", "8", "--report");
            config.AddCommand<ExportCommand>("export")
                .WithDescription("Write trained weights as a PyTorch state_dict (.pt) and safetensors, keyed by the YAML's layer names; `--format pytorch` adds the model as PyTorch code.")
                .WithExample("export", "runs/try1", "--model", "standard", "--seed", "0")
                .WithExample("export", "runs/try1", "--format", "pytorch");
            config.AddCommand<PredictCommand>("predict")
                .WithDescription("Classify PNG or JPEG images (or folders of them) with a run's trained model: top classes and probabilities.")
                .WithExample("predict", "runs/try1", "--model", "standard", "--seed", "0", "cat.png", "more-images/")
                .WithExample("predict", "runs/try1", "--model", "standard", "--format", "json", "--top", "3", "cat.png");
            config.AddBranch("data", data =>
            {
                data.SetDescription("List, download and import data sets.");
                data.AddCommand<DataListCommand>("list").WithDescription("Show the known data sets and which are on this machine.");
                data.AddCommand<DataFetchCommand>("fetch").WithDescription("Download, verify and unpack a data set into the data cache.")
                    .WithExample("data", "fetch", "cifar10");
                data.AddCommand<DataImportCommand>("import-cifar10")
                    .WithDescription("Convert CIFAR-10 images in class folders (folder or .tar.gz) into the cache's official binary layout.")
                    .WithExample("data", "import-cifar10", "cifar10-jpeg.tar.gz");
            });
            config.AddCommand<PowerCommand>("power")
                .WithDescription("From a run's observed seed-to-seed spread, how many seeds each comparison needs to detect a given difference.")
                .WithExample("power", "runs/try1", "--effect", "1", "--power", "0.8");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Merge a run's finished units, redraw its figures and write report.html and report.md, without training.")
                .WithExample("report", "runs/try1");
        });
        return app;
    }
}
