using System.ComponentModel;
using Cnnexp.Spec.Datasets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

/// <summary>`cnnexp data fetch NAME`: download, verify and unpack a data set, then load it once to check it.</summary>
public sealed class DataFetchCommand(IAnsiConsole console) : AsyncCommand<DataFetchCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandArgument(0, "<NAME>")]
        [Description("The data set, e.g. cifar10 (`cnnexp data list` shows them).")]
        public string Name { get; init; } = "";

        [CommandOption("--mirror <URL>")]
        [Description("Download from this base URL (serving the official file names) instead of the official addresses.")]
        public string? Mirror { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        if (settings.Name == DatasetCatalog.Synthetic.Name || settings.Name == DatasetCatalog.ImageFolder)
        {
            console.WriteLine(settings.Name == DatasetCatalog.ImageFolder
                ? "imagefolder reads your own folder (`path:` under `data:`); there is nothing to fetch."
                : "synthetic is built in and generated in memory; there is nothing to fetch.");
            return ExitCodes.Success;
        }
        var options = settings.Options(line => console.WriteLine(line)) with { Mirror = settings.Mirror };
        var fetched = await DownloadProgressBar.RunAsync(console, options, o => DataSets.FetchAsync(settings.Name, o, cancellation));
        if (fetched.SystemCopy is { } system)
            console.WriteLine($"{fetched.Name} is already installed in {system} (a system package); checked it");
        console.WriteLine($"{fetched.Name}: {fetched.TrainCount:N0} training and {fetched.TestCount:N0} test images " +
                          $"of {fetched.ImageShape} in {fetched.Location}");
        return ExitCodes.Success;
    }
}
