using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

/// <summary>`cnnexp data import-cifar10 SOURCE`: CIFAR-10 from images in class folders into the cache's official binary layout.</summary>
public sealed class DataImportCommand(IAnsiConsole console) : Command<DataImportCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandArgument(0, "<SOURCE>")]
        [Description("A folder or .tar.gz holding train/CLASS/*.jpg and test/CLASS/*.jpg (50,000 and 10,000 32x32 images).")]
        public string Source { get; init; } = "";

        [CommandOption("--force")]
        [Description("Replace a CIFAR-10 already in the cache.")]
        public bool Force { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        string folder = DataSets.ImportCifar10(settings.Source, settings.Options(line => console.WriteLine(line)), settings.Force);
        console.WriteLine($"CIFAR-10 is in {folder}; `data: {{ dataset: cifar10 }}` now loads it.");
        return ExitCodes.Success;
    }
}
