using System.ComponentModel;
using System.Globalization;
using Cnnexp.Results;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Cnnexp.Cli.Commands;

/// <summary>`cnnexp power DIR`: from each comparison's observed paired spread, the seeds needed to detect a given difference.</summary>
public sealed class PowerCommand(IAnsiConsole console) : Command<PowerCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("A run directory with summary.json (finished, or merged with `cnnexp report`).")]
        public string Dir { get; init; } = "";

        [CommandOption("--effect <POINTS>")]
        [Description("The difference to detect, in accuracy points. Default: 1.")]
        public double Effect { get; init; } = 1;

        [CommandOption("--power <P>")]
        [Description("The chance of detecting it, between 0 and 1. Default: 0.8.")]
        public double Power { get; init; } = 0.8;

        public override ValidationResult Validate() =>
            !(Effect > 0 && Effect <= 100) ? ValidationResult.Error($"--effect must be a number of accuracy points above 0 and at most 100, not {Effect}")
            : !(Power > 0 && Power < 1) ? ValidationResult.Error($"--power must be between 0 and 1 (e.g. 0.8), not {Power}")
            : !File.Exists(Path.Combine(Dir, RunFiles.Summary)) ? ValidationResult.Error($"`{Dir}` holds no {RunFiles.Summary}: finish the run, or merge it with `cnnexp report {Dir}`")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellation)
    {
        var report = PowerReport.Of(Experiment.ReadResults(s.Dir), s.Effect, s.Power);
        string F(double v) => double.IsFinite(v) ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";
        string Seeds(int? n, int limit, int seen) => seen < 2 ? "–" : n is int k ? k.ToString(CultureInfo.InvariantCulture) : $"> {limit}";
        var table = new Table().AddColumns("comparison", "seeds seen", "mean difference (pts)", "paired SD (pts)",
            "seeds needed: fixed", "seeds needed: adaptive");
        foreach (var c in report.Comparisons)
            table.AddRow(Markup.Escape($"{c.A} − {c.B}"), c.Seeds.ToString(CultureInfo.InvariantCulture), F(c.MeanDifference), F(c.SpreadSd),
                Seeds(c.FixedSeeds, c.Limit, c.Seeds), Seeds(c.AdaptiveSeeds, c.Limit, c.Seeds));
        console.Write(table);
        console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}",
            $"Seeds per model to detect a true difference of {s.Effect:0.##} points with {100 * s.Power:0.#}% power at alpha 0.05, " +
            "assuming the paired spread seen here: fixed = a paired t-test on a planned number of seeds; " +
            "adaptive = `seeds: { min, max, until: resolved }` (docs/statistics.md)."));
        if (report.Comparisons.Any(c => c.Seeds < 2)) console.WriteLine("– : fewer than 2 seeds, so the spread is unknown; train at least 2.");
        return ExitCodes.Success;
    }
}
