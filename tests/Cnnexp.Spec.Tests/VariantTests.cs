using Cnnexp.Spec.Layers;
using static Cnnexp.Spec.Tests.SpecHelpers;

namespace Cnnexp.Spec.Tests;

/// <summary>extends + set / replace / insert / remove, and sweeps: what a user writes and what the plan then holds.</summary>
public class VariantTests
{
    [Fact]
    public void Set_overrides_a_field_and_the_next_layer_infers_the_new_size()
    {
        var plan = Plan(Notebook + "  wide:\n    extends: standard\n    set: { conv1.out: 32, linear1.out: 128 }\n");
        var wide = plan.Model("wide");
        Assert.Equal(32, wide.Layers[2].Input.C);                 // conv2 now sees 32 channels
        Assert.Equal("128", wide.Layers[6].Output.ToString());
        Assert.Equal(8, ((Conv2dLayer)plan.Model("standard").Layers[0].Spec).Out);   // the base is untouched
    }

    [Fact]
    public void Replace_by_name_keeps_the_name_and_index_addressing_works()
    {
        var plan = Plan(Notebook + """
              b:
                extends: standard
                replace: { conv2: { conv2d: { out: 4, kernel: 5, padding: same } }, -2: gelu }
            """);
        var b = plan.Model("b");
        Assert.Equal(["conv1", "relu1", "conv2", "relu2", "maxpool1", "flatten1", "linear1", "gelu1", "linear2"], Names(b));
        Assert.Equal("4x32x32", b.Layers[2].Output.ToString());
        Assert.Equal(4 * 8 * 25 + 4, b.Layers[2].Parameters);
    }

    [Fact]
    public void Insert_and_remove_give_new_layers_fresh_names_and_keep_inherited_ones()
    {
        var plan = Plan(Notebook + """
              b:
                extends: standard
                insert_after: { conv1: [batchnorm2d], relu2: [dropout2d: 0.25] }
                insert_before: { 0: [conv2d: { out: 3, kernel: 1 }] }
                remove: [relu3]
            """);
        Assert.Equal(["conv3", "conv1", "batchnorm1", "relu1", "conv2", "relu2", "dropout1", "maxpool1", "flatten1", "linear1", "linear2"],
            Names(plan.Model("b")));
    }

    [Fact]
    public void Extends_chains_inherit_input_transforms_and_can_change_them()
    {
        var plan = Plan(Notebook + """
              sumfirst: { extends: standard, input: [channel_sum] }
              deeper: { extends: sumfirst, insert_after: { relu2: [conv2d: { out: 16, padding: same }, relu] } }
              gray: { extends: deeper, input: [grayscale] }
            """);
        Assert.Equal("channel_sum", plan.Model("deeper").Transforms.Single().Spec.Kind);
        Assert.Equal(1, plan.Model("deeper").Layers[0].Input.C);
        Assert.Equal("grayscale", plan.Model("gray").Transforms.Single().Spec.Kind);
        Assert.Equal(11, plan.Model("gray").Layers.Count);
    }

    [Fact]
    public void Sweep_expands_a_grid_into_named_variants_in_written_order()
    {
        var plan = Plan(Notebook.Replace("name: t", "name: t\nseeds: [0]") + "    sweep: { conv1.out: [4, 8], conv2.kernel: [3, [5, 3]] }\n"
            .Replace("conv2.kernel: [3, [5, 3]]", "conv2.kernel: [1, [3, 1]]"));
        Assert.Equal(["standard[conv1.out=4][conv2.kernel=1]", "standard[conv1.out=4][conv2.kernel=[3,1]]",
                      "standard[conv1.out=8][conv2.kernel=1]", "standard[conv1.out=8][conv2.kernel=[3,1]]"],
            plan.Models.Select(m => m.Name));
        var last = plan.Models[^1];
        Assert.Equal(8, last.Layers[0].Output.C);
        Assert.Equal("16x32x34", last.Layers[2].Output.ToString());   // 3x1 kernel, padding 1: height 32+2-3+1, width 32+2-1+1
    }

    [Fact]
    public void A_model_may_extend_a_swept_model_without_inheriting_the_sweep()
    {
        var plan = Plan(Notebook + "    sweep: { conv1.out: [4, 16] }\n  sumfirst: { extends: standard, input: [channel_sum] }\n");
        Assert.Equal(["standard[conv1.out=4]", "standard[conv1.out=16]", "sumfirst"], plan.Models.Select(m => m.Name));
        Assert.Equal(8, plan.Model("sumfirst").Layers[0].Output.C);
    }

    [Fact]
    public void Resolved_models_keep_extends_while_the_base_is_still_a_model()
    {
        var plan = Plan(Notebook + "    sweep: { conv1.out: [4, 16] }\n  sumfirst: { extends: standard, input: [channel_sum] }\n" +
                        "  gray: { extends: sumfirst, input: [grayscale] }\n");
        Assert.Null(plan.Spec.Models.Single(m => m.Name == "sumfirst").Extends);       // `standard` became two variants
        Assert.Equal("sumfirst", plan.Spec.Models.Single(m => m.Name == "gray").Extends); // reports diff `gray` against it
        Assert.All(plan.Spec.Models, m => Assert.Null(m.Sweep));
    }

    [Fact]
    public void Edits_reach_layers_inside_a_residual()
    {
        var plan = Plan("""
            name: t
            models:
              a:
                layers:
                  - conv2d: { out: 8, padding: same }
                  - residual: [conv2d: { out: 8, padding: same }, relu]
                  - flatten
                  - linear: { out: 10 }
              b: { extends: a, set: { conv2.out: 16 } }
            """);
        var res = plan.Model("b").Layers[1];
        Assert.Equal("16x32x32", res.Output.ToString());
        Assert.NotNull(res.Shortcut);                                   // 8 -> 16 channels: 1x1 projection
        Assert.Equal(8 * 16, res.Shortcut!.Parameters);
        Assert.Null(plan.Model("a").Layers[1].Shortcut);
    }

    [Fact]
    public void Conflicting_edits_and_bad_references_are_all_reported()
    {
        var errors = Errors(Notebook + """
              b:
                extends: standard
                replace: { relu1: gelu }
                remove: [relu1, 1, conv7]
                set: { 99.out: 3 }
            """);
        Assert.Equal(["bad-index", "conflicting-edits", "conflicting-edits", "unknown-layer"], errors.Select(e => e.Code).Order().ToList());
    }
}
