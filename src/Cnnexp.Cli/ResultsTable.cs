using System.Globalization;
using Spectre.Console;

namespace Cnnexp.Cli;

/// <summary>The short results table printed at the end of a run.</summary>
static class ResultsTable
{
    public static void Write(IAnsiConsole console, RunResult run)
    {
        var table = new Table().AddColumns("model", "parameters", "seeds", "final train loss", "test accuracy");
        foreach (var m in run.Summary.Models)
            table.AddRow(Markup.Escape(m.Name), m.Parameters.ToString("N0", CultureInfo.InvariantCulture), m.Seeds.Count.ToString(CultureInfo.InvariantCulture),
                m.Seeds.Average(s => s.FinalTrainLoss).ToString("F4", CultureInfo.InvariantCulture),
                m.MeanTestAccuracy.ToString("P2", CultureInfo.InvariantCulture));
        console.Write(table);
        console.WriteLine($"run directory: {run.OutDir}");
        foreach (var f in run.Figures) console.WriteLine($"figure: {f}");
    }
}
