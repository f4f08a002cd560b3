using Cnnexp.Spec.Datasets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

/// <summary>`cnnexp data list`: every data set cnnexp knows, and whether it is on this machine.</summary>
public sealed class DataListCommand(IAnsiConsole console) : Command<DataSettings>
{
    public override int Execute(CommandContext context, DataSettings settings, CancellationToken cancellation)
    {
        var options = settings.Options();
        string root = DataSets.CacheRoot(options);
        var table = new Table().AddColumns("name", "image", "classes", "train / test", "on this machine");
        foreach (var (info, where) in DataSets.List(options))
            table.AddRow(info.Name, info.ImageShape.ToString(), info.ClassCount.ToString(), Counts(info), Markup.Escape(where ?? "no"));
        table.AddRow(DatasetCatalog.ImageFolder, "any", "subfolders", "your files", "your folder (path:)");
        console.Write(table);
        console.WriteLine($"data cache: {root}");
        console.WriteLine("fetch one with `cnnexp data fetch NAME`; `data: { dataset: NAME }` in a spec fetches it on first use.");
        return ExitCodes.Success;
    }

    static string Counts(DatasetInfo info) => $"{info.TrainCount ?? 0:N0} / {info.TestCount ?? 0:N0}";
}
