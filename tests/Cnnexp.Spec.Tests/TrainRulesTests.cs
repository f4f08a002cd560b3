using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Planning;

namespace Cnnexp.Spec.Tests;

public class TrainRulesTests
{
    static IReadOnlyList<Diagnostic> Plan(string yaml)
    {
        var load = SpecLoader.LoadText(yaml, "t.yaml");
        Assert.True(load.Ok, load.FormatDiagnostics());
        var diagnostics = new DiagnosticBag();
        Planner.Plan(load.Spec!, diagnostics);
        return diagnostics.Items;
    }

    const string Model = "models:\n  a:\n    layers: [flatten, linear: { out: 10 }]\n";

    [Fact]
    public void Early_stopping_without_a_validation_split_is_refused_at_its_line()
    {
        var d = Assert.Single(Plan("name: t\ntrain:\n  early_stopping: { patience: 3 }\n" + Model));
        Assert.Contains("`data.val_fraction` is 0", d.Message);
        Assert.Equal(3, d.Where!.Line);
        Assert.Contains("val_fraction: 0.1", d.Hint);
    }

    [Fact]
    public void Early_stopping_with_a_validation_split_is_fine() =>
        Assert.Empty(Plan("name: t\ndata: { val_fraction: 0.1 }\ntrain:\n  early_stopping: { patience: 3 }\n" + Model));

    [Fact]
    public void Seeds_and_repeats_together_conflict()
    {
        var d = Assert.Single(Plan("name: t\nseeds: [0, 1]\nrepeats: 3\n" + Model));
        Assert.Contains("either `seeds` or `repeats`", d.Message);
    }

    [Fact]
    public void Nesterov_needs_sgd_with_momentum()
    {
        var d = Assert.Single(Plan("name: t\ntrain: { optimizer: { type: sgd, lr: 0.1, nesterov: true } }\n" + Model));
        Assert.Contains("nesterov", d.Message);
        Assert.Contains("momentum: 0.9", d.Hint);
    }

    [Fact]
    public void A_models_own_train_is_merged_over_the_experiments()
    {
        var load = SpecLoader.LoadText("name: t\ntrain: { epochs: 7, optimizer: { lr: 0.5 } }\nmodels:\n  a:\n    layers: [flatten, linear: { out: 10 }]\n" +
                                       "  b:\n    extends: a\n    train: { optimizer: { type: sgd } }\n", "t.yaml");
        Assert.True(load.Ok, load.FormatDiagnostics());
        var plan = Planner.Plan(load.Spec!, new DiagnosticBag())!;
        var b = plan.Model("b").TrainFor(plan.Spec);
        Assert.Equal(7, b.Epochs);                                   // inherited, not reset to the default 10
        Assert.Equal(0.5, b.Optimizer.Lr);
        Assert.Equal(Cnnexp.Spec.Model.OptimizerKind.Sgd, b.Optimizer.Kind);
        Assert.Equal(Cnnexp.Spec.Model.OptimizerKind.Adam, plan.Model("a").TrainFor(plan.Spec).Optimizer.Kind);
    }
}
