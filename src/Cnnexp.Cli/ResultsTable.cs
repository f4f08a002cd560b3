using System.Globalization;
using Cnnexp.Results;
using Spectre.Console;

namespace Cnnexp.Cli;

/// <summary>The short results table printed at the end of a run, with the paired verdicts.</summary>
static class ResultsTable
{
    public static void Write(IAnsiConsole console, RunResult run)
    {
        var summary = run.Summary!;                                   // a refused run never reaches the table
        int seeds = summary.Seeds.Count;
        var table = new Table().AddColumns("model", "parameters", "seeds done", "final train loss", "test accuracy", "95% CI");
        foreach (var m in summary.Models)
            table.AddRow(Markup.Escape(m.Name), m.Parameters.ToString("N0", CultureInfo.InvariantCulture), $"{m.Seeds.Count}/{seeds}",
                m.Seeds.Count == 0 ? "—" : F(m.Seeds.Average(s => s.FinalTrainLoss), "F4"),
                m.Seeds.Count == 0 ? "—" : F(m.MeanTestAccuracy, "P2"),
                m.TestAccuracy is { N: >= 2 } s ? $"{F(s.Ci95Low, "P1")} – {F(s.Ci95High, "P1")}" : "—");
        console.Write(table);
        var plain = console.Profile.Out.Writer;          // paths and sentences unwrapped, so they can be copied
        foreach (var c in summary.Comparisons) plain.WriteLine(c.Verdict);
        foreach (var m in summary.Models)
            foreach (var s in m.Seeds.Where(s => s.Status != UnitStatus.Done))
                console.MarkupLine($"[yellow]{Markup.Escape(m.Name)} seed {s.Seed}:[/] {Markup.Escape(s.StopReason ?? s.Status.Token())}");
        plain.WriteLine($"run directory: {run.OutDir}");
        foreach (var f in run.Figures.Where(f => !f.EndsWith(".svg", StringComparison.Ordinal))) plain.WriteLine($"figure: {f}");
        string report = Path.Combine(run.OutDir, "report.html");
        if (File.Exists(report)) plain.WriteLine($"report: {report}");
        foreach (var failure in run.Failures) console.MarkupLine($"[red]failed:[/] {Markup.Escape(failure)}");
    }

    static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
