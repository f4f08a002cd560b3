using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Scripts;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Spec.Tests;

/// <summary>spec.resolved.yaml must load, plan and write back to itself: resume and export read it.</summary>
public class ResolvedSpecRoundTripTests
{
    public static TheoryData<string> Experiments() =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "experiments"), "*.yaml").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Experiments))]
    public void Resolved_spec_round_trips(string file)
    {
        var load = SpecLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "experiments", file));
        Assert.True(load.Ok, load.FormatDiagnostics());
        if (HookReference.Of(load.Spec!).Any(r => r.Use != HookUse.Hooks))
        {
            // Script layers' shapes come from their compiled scripts: planned in Cnnexp.Scripting.Tests; here the text round-trips.
            string written = SpecWriter.Write(load.Spec!);
            Assert.Equal(written, SpecWriter.Write(SpecLoader.LoadText(written, file).Spec!));
            return;
        }
        var plan = Planner.Plan(load.Spec!, new DiagnosticBag())!;
        string resolved = SpecWriter.Write(plan.Spec);

        var again = SpecLoader.LoadText(resolved, "spec.resolved.yaml");
        Assert.True(again.Ok, again.FormatDiagnostics() + "\n" + resolved);
        var diagnostics = new DiagnosticBag();
        var replanned = Planner.Plan(again.Spec!, diagnostics);
        Assert.False(diagnostics.HasErrors, DiagnosticFormatter.FormatAll(diagnostics.Items, again.Sources));
        Assert.Equal(resolved, SpecWriter.Write(replanned!.Spec));
    }
}
