using System.ComponentModel;
using Cnnexp.Results;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

/// <summary>
/// `cnnexp report DIR`: merge the finished units of a run (however many processes trained them),
/// redraw its figures and write report.html and report.md — no training.
/// </summary>
public sealed class ReportCommand(IAnsiConsole console) : Command<ReportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("A run directory (holds spec.resolved.yaml).")]
        public string Dir { get; init; } = "";

        public override ValidationResult Validate() =>
            !Directory.Exists(Dir) ? ValidationResult.Error($"run directory `{Dir}` does not exist")
            : !File.Exists(Path.Combine(Dir, RunFiles.ResolvedSpec)) ? ValidationResult.Error($"`{Dir}` is not a run directory: it has no {RunFiles.ResolvedSpec}")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var report = Experiment.Report(settings.Dir);
        var output = console.Profile.Out.Writer;
        foreach (var f in report.Figures.Where(f => f.EndsWith(".png", StringComparison.Ordinal))) output.WriteLine($"figure: {f}");
        foreach (var m in report.Missing) output.WriteLine($"not finished: {m.Model} seed {m.Seed} ({m.Status.Token()}): not in the report");
        output.WriteLine($"report: {report.HtmlFile}");
        output.WriteLine($"report: {report.MarkdownFile}");
        return ExitCodes.Success;
    }
}
