using Cnnexp.Spec.Layers;
using static Cnnexp.Spec.Tests.SpecHelpers;

namespace Cnnexp.Spec.Tests;

/// <summary>`--set KEY=VALUE`: dotted paths, YAML values, the same checks as the file.</summary>
public class OverrideTests
{
    [Fact]
    public void Scalars_lists_and_mappings_override_the_file()
    {
        var plan = Plan(Notebook, "train.epochs=2", "seeds=[3, 4]", "data={ dataset: synthetic, limit: 100 }", "train.optimizer.type=sgd",
            "description=a quick try");
        Assert.Equal(2, plan.Spec.Train.Epochs);
        Assert.Equal([3, 4], plan.Spec.Seeds.Fixed);
        Assert.Equal(100, plan.Spec.Data.Limit);
        Assert.Equal(Cnnexp.Spec.Model.OptimizerKind.Sgd, plan.Spec.Train.Optimizer.Kind);
        Assert.Equal("a quick try", plan.Spec.Description);
    }

    [Fact]
    public void Layer_fields_are_set_by_name_or_index_and_shapes_follow()
    {
        var plan = Plan(Notebook, "models.standard.layers.conv1.out=16", "models.standard.layers.6.out=32");
        var m = plan.Model("standard");
        Assert.Equal(16, ((Conv2dLayer)m.Layers[0].Spec).Out);
        Assert.Equal(16, m.Layers[2].Input.C);
        Assert.Equal("32", m.Layers[6].Output.ToString());
    }

    [Fact]
    public void Later_overrides_win_and_a_whole_layer_list_or_input_can_be_replaced()
    {
        var plan = Plan(Notebook, "train.epochs=2", "train.epochs=5", "models.standard.input=[grayscale]",
            "models.standard.sweep.conv1.out=[2, 4]");
        Assert.Equal(5, plan.Spec.Train.Epochs);
        Assert.Equal(["standard[conv1.out=2]", "standard[conv1.out=4]"], plan.Models.Select(m => m.Name));
        Assert.All(plan.Models, m => Assert.Equal(1, m.Layers[0].Input.C));
    }

    [Fact]
    public void Every_bad_override_is_reported_with_its_own_line()
    {
        var errors = Errors(Notebook, "train.epochs=-1", "train.optimizer.lr=[1]", "models.standard.layers.conv9.out=3");
        Assert.Equal(2, errors.Count);   // the layer reference is checked after binding, which already failed
        Assert.Equal(new[] { 1, 2 }, errors.Select(e => e.Where!.Line));
        Assert.All(errors, e => Assert.Equal("--set", e.Where!.File));
        var late = Errors(Notebook, "models.standard.layers.conv9.out=3");
        Assert.Equal("model `standard` has no layer `conv9`", Assert.Single(late).Message);
    }
}
