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
        });
        return await app.RunAsync(args);
    }
}
