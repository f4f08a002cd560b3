using System.Reflection;
using Cnnexp.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli;

/// <summary>Builds the command tree; tests drive it in-process through <see cref="RunAsync"/>.</summary>
public static class CliApp
{
    public static string Version =>
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    public static async Task<int> RunAsync(string[] args, IAnsiConsole? console = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("cnnexp");
            config.SetApplicationVersion(Version);
            if (console is not null) config.ConfigureConsole(console);
            config.Settings.StrictParsing = true;
            config.SetExceptionHandler((e, _) => Errors.Report(e, console ?? AnsiConsole.Console));
            config.AddCommand<RunCommand>("run")
                .WithDescription("Train every model of a spec for every seed, then write metrics, summary and figures.")
                .WithExample("run", "experiments/quickstart.yaml")
                .WithExample("run", "experiments/quickstart.yaml", "--out", "runs/try1");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Redraw the figures of a finished run and write report.html and report.md, without retraining.")
                .WithExample("report", "runs/quickstart/20250101-120000-1a2b3c4d");
        });
        return await app.RunAsync(args);
    }
}
