using System.Text;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Scripts;
using Cnnexp.Spec.Yaml;

namespace Cnnexp.Spec.Tests;

/// <summary>
/// What each shipped experiment resolves to — the spec.resolved.yaml a run writes and, where the
/// spec plans without compiling scripts, every model's layer table — pinned as golden files. Moving
/// the experiments' shared layer stack into an included file must leave every one of them unchanged
/// (same runs, same spec hashes, same figures).
/// </summary>
public class ResolvedExperimentGoldenTests
{
    public static TheoryData<string> Experiments =>
        new(Directory.GetFiles(Repo.Path("experiments"), "*.yaml").Select(Path.GetFileName).Order()!);

    [Theory, MemberData(nameof(Experiments))]
    public void Experiment_resolves_to_its_golden_spec_and_layer_tables(string file)
    {
        var load = SpecLoader.LoadFile(Repo.Path("experiments", file));
        Assert.True(load.Ok, load.FormatDiagnostics());
        Golden.Check(Repo.Path("tests", "Cnnexp.Spec.Tests", "Golden", "experiments", Path.ChangeExtension(file, ".resolved.txt")),
            Resolved(load.Spec!), "CNNEXP_UPDATE_GOLDEN=1 dotnet test tests/Cnnexp.Spec.Tests");
    }

    static string Resolved(Model.ExperimentSpec spec)
    {
        var diagnostics = new DiagnosticBag();
        // Script layers get their shapes from compiled scripts (Cnnexp.Scripting): for those specs
        // pin the resolved models (blocks expanded, edits applied, layers named), which planning writes unchanged.
        if (HookReference.Of(spec).Any(r => r.Use != HookUse.Hooks))
        {
            var models = ModelResolver.Resolve(spec, diagnostics);
            Assert.False(diagnostics.HasErrors, DiagnosticFormatter.FormatAll(diagnostics.Items, new Dictionary<string, string>()));
            return SpecWriter.Write(spec with { Models = models, Blocks = null });
        }
        var plan = Planner.Plan(spec, diagnostics);
        Assert.True(plan is not null, DiagnosticFormatter.FormatAll(diagnostics.Items, new Dictionary<string, string>()));
        var text = new StringBuilder(SpecWriter.Write(plan!.Spec));
        foreach (var model in plan.Models)
        {
            text.Append($"\n# {model.Name}: {model.Parameters} parameters, {model.Macs} MACs\n");
            foreach (var r in LayerTable.Rows(model, nested: true))
                text.Append($"# {new string(' ', 2 * r.Depth)}{r.Name} | {r.Kind} | {r.Settings} | {LayerTable.Shape(r.Input)} -> {LayerTable.Shape(r.Output)} | {r.Parameters} | {r.Macs}\n");
        }
        return text.ToString();
    }
}
