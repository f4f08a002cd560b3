using System.ComponentModel;
using Cnnexp.Engine.Data;
using Cnnexp.Engine.Data.Sources;
using Cnnexp.Engine.Native;
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
        var source = DatasetSources.Find(settings.Name)
                     ?? throw new DataException($"unknown data set `{settings.Name}`; known: {string.Join(", ", DatasetSources.All.Select(s => s.Name))}");
        var options = settings.Options(line => console.WriteLine(line));
        if (settings.Mirror is not null) options = options with { Mirror = settings.Mirror };
        string root = settings.ResolvedRoot(options);
        if (source.FindLocal(root, options) is { } local && !local.StartsWith(root, StringComparison.Ordinal))
            console.WriteLine($"{source.Name} is already installed in {local} (a system package); checking it");
        await DownloadProgressBar.RunAsync(console, options, o => source.PrepareAsync(root, o, cancellation));
        NativeRuntime.EnsureLoaded();
        var splits = source.Read(root, options);
        using (splits.Train)
        using (splits.Test)
            console.WriteLine($"{source.Name}: {splits.Train.Count:N0} training and {splits.Test.Count:N0} test images " +
                              $"of {source.Info.ImageShape} in {splits.Location}");
        return ExitCodes.Success;
    }
}
