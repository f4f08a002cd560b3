using Cnnexp.Spec.Datasets;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Limits;
using Cnnexp.Spec.Model;

namespace Cnnexp.Spec.Planning;

/// <summary>
/// Spec → plan: resolves variants, and infers every shape by arithmetic, handing each layer's
/// output shape to the next. Every problem becomes a diagnostic at its YAML line.
/// </summary>
public static class Planner
{
    public static ExperimentPlan? Plan(ExperimentSpec spec, DiagnosticBag diagnostics)
    {
        var dataset = DatasetCatalog.Describe(spec.Data, diagnostics);   // cross-field data rules; image folders read here
        if (dataset is null) return null;
        TrainRules.Check(spec, diagnostics);
        CheckData(spec.Data, dataset, diagnostics);
        var models = ModelResolver.Resolve(spec, diagnostics);
        CheckUniqueNames(models, diagnostics);
        SeedRules.Check(spec, models.Select(m => m.Name).ToList(), diagnostics);
        var plans = models.Select(m => PlanModel(m, dataset, diagnostics)).ToList();
        if (diagnostics.HasErrors) return null;
        InitRules.Check(spec, plans!, diagnostics);
        if (diagnostics.HasErrors) return null;
        PlanWarnings.Check(spec, models, diagnostics);                // only for valid specs: errors cause false alarms
        return new ExperimentPlan(spec with { Models = models, Blocks = null }, dataset, plans!);
    }

    public static ModelPlan? PlanModel(ModelSpec model, DatasetInfo dataset, DiagnosticBag diagnostics)
    {
        var shape = dataset.ImageShape;
        var transforms = new List<PlannedTransform>();
        foreach (var t in model.Input ?? [])
        {
            ShapeCheck check;
            try { check = t.Infer(shape); }
            catch (OverflowException) { check = ShapeCheck.Fail($"its output from a {shape} input is too large to compute", null); }
            if (!check.IsOk)
            {
                diagnostics.Error("shape", $"model `{model.Name}`, input transform {t.Kind}: {check.Error}", t.SpanOf(check.Key ?? ""), check.Hint);
                return null;
            }
            transforms.Add(new PlannedTransform(t, shape, check.Output!));
            shape = check.Output!;
        }
        if (LayerTree.All(model.Layers ?? []).Count() is var count && count > SpecLimits.MaxLayers)
        {
            diagnostics.Error("too-large", $"model `{model.Name}` has {count:N0} layers once blocks and repeats are expanded; at most {SpecLimits.MaxLayers:N0}",
                model.Where, "lower a `repeat`'s `times`");
            return null;
        }
        var layers = PlanStack(model.Name, model.Layers ?? [], shape, diagnostics);
        if (layers is null) return null;
        CheckTotals(model, layers, diagnostics);
        var output = layers.Count > 0 ? layers[^1].Output : shape;
        if (layers.Count > 0 && !output.Equals(Shape.Features(dataset.ClassCount)))
            diagnostics.Error("output-shape",
                $"model `{model.Name}` ends with shape {output}, but {dataset.Name} has {dataset.ClassCount} classes",
                layers[^1].Spec.Where, output.Rank == 1
                    ? $"make the last layer `- linear: {{ out: {dataset.ClassCount} }}`"
                    : $"end the stack with `- flatten` and `- linear: {{ out: {dataset.ClassCount} }}`");
        return new ModelPlan(model.Name, model, dataset.ImageShape, transforms, layers);
    }

    /// <summary>
    /// Plans a named layer list (see <see cref="LayerNamer"/>) from <paramref name="shape"/>; null (and a
    /// diagnostic) at the first layer that does not fit, since later shapes cannot be known.
    /// </summary>
    public static IReadOnlyList<PlannedLayer>? PlanStack(string model, IReadOnlyList<LayerSpec> stack, Shape shape, DiagnosticBag diagnostics)
    {
        var layers = new List<PlannedLayer>();
        foreach (var layer in stack)
        {
            var planned = layer is ResidualLayer r ? PlanResidual(model, r, shape, diagnostics) : PlanLeaf(model, layer, shape, diagnostics);
            if (planned is null) return null;
            layers.Add(planned);
            shape = planned.Output;
        }
        return layers;
    }

    static PlannedLayer? PlanLeaf(string model, LayerSpec layer, Shape input, DiagnosticBag diagnostics)
    {
        string who = $"model `{model}`, layer `{layer.Name}` ({layer.Kind})";
        try
        {
            var check = layer.Infer(input);
            if (!check.IsOk)
            {
                diagnostics.Error("shape", $"{who}: {check.Error}", check.Key is null ? layer.Where : layer.SpanOf(check.Key), check.Hint);
                return null;
            }
            var output = check.Output!;
            if (output.Elements > SpecLimits.MaxValues)
                return TooLarge($"{who}: its output {output} holds {output.Elements:N0} values per example; at most {SpecLimits.MaxValues:N0} fit",
                    "use fewer channels, a stride, or pool earlier");
            long parameters = layer.Parameters(input, output);
            if (parameters > SpecLimits.MaxParameters)
                return TooLarge($"{who} has {parameters:N0} parameters; a model may have at most {SpecLimits.MaxParameters:N0}",
                    "use fewer outputs, or pool before flattening");
            return new PlannedLayer(layer.Name!, layer, input, output, parameters, layer.Macs(input, output));
        }
        catch (OverflowException)
        {
            return TooLarge($"{who}: its shapes or sizes from a {input} input are too large to compute", "use fewer channels or a smaller kernel");
        }

        PlannedLayer? TooLarge(string message, string hint)
        {
            diagnostics.Error("too-large", message, layer.Where, hint);
            return null;
        }
    }

    /// <summary>A model's totals must fit in memory and in the counters that report them.</summary>
    static void CheckTotals(ModelSpec model, IReadOnlyList<PlannedLayer> layers, DiagnosticBag diagnostics)
    {
        try
        {
            long parameters = layers.Sum(l => l.Parameters), macs = layers.Sum(l => l.Macs);
            if (parameters > SpecLimits.MaxParameters)
                diagnostics.Error("too-large", $"model `{model.Name}` has {parameters:N0} parameters; a model may have at most {SpecLimits.MaxParameters:N0}",
                    model.Where, "use fewer outputs, or pool before flattening");
            else if (macs > SpecLimits.MaxMacs)
                diagnostics.Error("too-large", $"model `{model.Name}` needs {macs:N0} multiply-adds per example; at most {SpecLimits.MaxMacs:N0}",
                    model.Where, "use fewer channels or smaller images");
        }
        catch (OverflowException)
        {
            diagnostics.Error("too-large", $"model `{model.Name}` is too large to count", model.Where, "use fewer or smaller layers");
        }
    }

    static PlannedLayer? PlanResidual(string model, ResidualLayer residual, Shape input, DiagnosticBag diagnostics)
    {
        var body = PlanStack(model, residual.Layers, input, diagnostics);
        if (body is null) return null;
        var output = body.Count > 0 ? body[^1].Output : input;
        var rule = ResidualLayer.Shortcut(input, output);
        if (rule.Error is not null)
        {
            diagnostics.Error("shape", $"model `{model}`, layer `{residual.Name}` (residual): {rule.Error}", residual.Where, rule.Hint);
            return null;
        }
        var shortcut = rule.Projection is { } p ? PlanLeaf(model, p with { Name = $"{residual.Name}_projection", Where = residual.Where }, input, diagnostics) : null;
        return new PlannedLayer(residual.Name!, residual, input, output,
            body.Sum(l => l.Parameters) + (shortcut?.Parameters ?? 0), body.Sum(l => l.Macs) + (shortcut?.Macs ?? 0), body, shortcut);
    }

    /// <summary>Data-level settings that depend on the data set: normalisation needs one value per channel.</summary>
    static void CheckData(DataSpec data, DatasetInfo dataset, DiagnosticBag diagnostics)
    {
        if (data.Normalize is not { } n) return;
        var check = n.Infer(dataset.ImageShape);
        if (!check.IsOk)
            diagnostics.Error("shape", $"data normalize: {check.Error}", n.SpanOf(check.Key ?? ""), check.Hint);
    }

    /// <summary>Sweeps create names; they must not collide with models written by hand.</summary>
    static void CheckUniqueNames(IReadOnlyList<ModelSpec> models, DiagnosticBag diagnostics)
    {
        // A swept value becomes part of the variant's name, and names become folders.
        foreach (var m in models.Where(m => SafeName.FolderProblem(m.Name) is not null))
            diagnostics.Error("bad-name", $"a swept variant would be called `{SafeName.Show(m.Name)}`, which {SafeName.FolderProblem(m.Name)}",
                m.Where, "sweep fewer fields at once, or values that make plain names (numbers and words)");
        foreach (var dup in models.GroupBy(m => m.Name).Where(g => g.Count() > 1))
            diagnostics.Error("duplicate-model", $"two models are called `{dup.Key}` after sweeps are expanded", dup.Last().Where,
                "rename the model written by hand");
    }
}
