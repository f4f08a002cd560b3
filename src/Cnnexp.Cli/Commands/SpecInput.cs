using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Planning;
using Spectre.Console;

namespace Cnnexp.Cli.Commands;

/// <summary>
/// Load → plan for the commands that take a spec: on invalid input prints every diagnostic and
/// returns null; on valid input prints the warnings, if any, and returns the plan.
/// </summary>
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
        foreach (var warning in plan.Diagnostics)                 // valid, but probably not meant
            console.Profile.Out.Writer.WriteLine(DiagnosticFormatter.Format(warning, plan.Sources) + "\n");
        return plan.Plan;
    }
}
