using Cnnexp.Spec.Planning;
using Spectre.Console;

namespace Cnnexp.Cli.Commands;

/// <summary>Load → plan for the commands that take a spec; on invalid input prints every diagnostic and returns null.</summary>
static class SpecInput
{
    public static ExperimentPlan? Plan(IAnsiConsole console, string spec, IReadOnlyList<string> overrides)
    {
        var load = Experiment.Load(spec, overrides);
        if (!load.Ok)
        {
            console.Profile.Out.Writer.WriteLine(load.FormatDiagnostics());
            return null;
        }
        var plan = Experiment.Plan(load.Spec!, load.Sources);
        if (!plan.Ok)
        {
            console.Profile.Out.Writer.WriteLine(plan.FormatDiagnostics());
            return null;
        }
        return plan.Plan;
    }
}
