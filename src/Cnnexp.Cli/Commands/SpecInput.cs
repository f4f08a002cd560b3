using Cnnexp.Cli.Output;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Cli.Commands;

/// <summary>
/// Load → plan for the commands that take a spec, with the same `--set` parser for all of them: on
/// invalid input prints every diagnostic to standard error and returns null; on valid input prints
/// the warnings, if any (also to standard error), and returns the plan.
/// </summary>
static class SpecInput
{
    public static ExperimentPlan? Plan(ErrorConsole errors, string spec, IReadOnlyList<string> overrides)
    {
        var load = Experiment.Load(spec, overrides);
        if (!load.Ok)
        {
            errors.Line(load.FormatDiagnostics());
            return null;
        }
        var plan = Experiment.Plan(load.Spec!, load.Sources);
        if (!plan.Ok)
        {
            errors.Line(plan.FormatDiagnostics());
            return null;
        }
        foreach (var warning in plan.Diagnostics)                 // valid, but probably not meant
            errors.Line(DiagnosticFormatter.Format(warning, plan.Sources) + "\n");
        return plan.Plan;
    }

    /// <summary>The description of `--set` shared by every command that reads a spec (Spectre markup: `[[` is a bracket).</summary>
    public const string SetHelp =
        "Override a key by its path, e.g. train.epochs=2, models.standard.layers.conv1.out=16 or models.standard.layers[[0]].out=16. Repeatable; type-checked like the file.";
}
