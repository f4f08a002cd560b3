using System.Text;
using Cnnexp.Spec;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Scripts;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Fuzz.Targets;

/// <summary>
/// The binder and the planner, as <c>cnnexp check</c> runs them: load, plan, format every
/// diagnostic. A valid plan must also write a resolved spec that loads and plans again (resume
/// and export read it). Relative data paths resolve in the sandbox, which holds a two-class image
/// folder `images/`. Specs with hook scripts are planned without compiling them (Roslyn is slow
/// and not this target's business): script layers then report their missing hooks.
/// </summary>
public static class SpecTarget
{
    public static void Run(byte[] input)
    {
        var load = SpecLoader.LoadText(Encoding.UTF8.GetString(input), Sandbox.SpecFile);
        if (!load.Ok)
        {
            _ = load.FormatDiagnostics();                    // plans the models without errors too
            return;
        }
        var diagnostics = new DiagnosticBag();
        var plan = Planner.Plan(load.Spec!, diagnostics);
        _ = DiagnosticFormatter.FormatAll(diagnostics.Items, load.Sources);
        if (plan is null || HookReference.Of(load.Spec!).Any()) return;
        RoundTrip(plan);
    }

    static void RoundTrip(ExperimentPlan plan)
    {
        string resolved = SpecWriter.Write(plan.Spec);
        var again = SpecLoader.LoadText(resolved, Sandbox.SpecFile);
        if (!again.Ok)
            throw new FuzzFinding($"the resolved spec does not load:\n{again.FormatDiagnostics()}\n{resolved}");
        var diagnostics = new DiagnosticBag();
        if (Planner.Plan(again.Spec!, diagnostics) is null)
            throw new FuzzFinding($"the resolved spec does not plan:\n{DiagnosticFormatter.FormatAll(diagnostics.Items, again.Sources)}\n{resolved}");
    }
}
