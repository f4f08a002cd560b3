using System.ComponentModel;
using Cnnexp.Figures.Report;
using Cnnexp.Results;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

/// <summary>`cnnexp report DIR`: redraw a finished run's figures and write its report, without training.</summary>
public sealed class ReportCommand(IAnsiConsole console) : Command<ReportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("A finished run directory (holds summary.json).")]
        public string Dir { get; init; } = "";

        public override ValidationResult Validate() =>
            !Directory.Exists(Dir) ? ValidationResult.Error($"run directory `{Dir}` does not exist")
            : !File.Exists(Path.Combine(Dir, RunFiles.Summary)) ? ValidationResult.Error($"`{Dir}` is not a finished run directory: it has no {RunFiles.Summary}")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var report = RunReport.Write(settings.Dir);
        var output = console.Profile.Out.Writer;
        foreach (var f in report.Figures.Drawn) output.WriteLine($"figure: {f.Png}");
        foreach (var s in report.Figures.Skipped) output.WriteLine($"not drawn: {s.Name}: {s.Reason}");
        output.WriteLine($"report: {report.Html}");
        output.WriteLine($"report: {report.Markdown}");
        return ExitCodes.Success;
    }
}
