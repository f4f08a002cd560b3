using Cnnexp.Spec.Datasets;
using Cnnexp.Spec.Diagnostics;
using Cnnexp.Spec.Model;

namespace Cnnexp.Spec.Planning;

/// <summary>
/// Spec → plan: resolves variants, names layers, and infers every shape by arithmetic, handing
/// each layer's output shape to the next. Every problem becomes a diagnostic at its YAML line.
/// </summary>
public static class Planner
{
    public static ExperimentPlan? Plan(ExperimentSpec spec, DiagnosticBag diagnostics)
    {
        var dataset = DatasetCatalog.Find(spec.Data.Dataset);
        if (dataset is null)
        {
            diagnostics.Error("unknown-dataset", $"unknown data set `{spec.Data.Dataset}`", spec.Data.SpanOf("dataset"));
            return null;
        }
        TrainRules.Check(spec, diagnostics);
        var models = ModelResolver.Resolve(spec.Models, diagnostics);
        var plans = models.Select(m => PlanModel(m, dataset, diagnostics)).ToList();
        if (diagnostics.HasErrors) return null;
        return new ExperimentPlan(spec with { Models = models }, dataset, plans!);
    }

    public static ModelPlan? PlanModel(ModelSpec model, DatasetInfo dataset, DiagnosticBag diagnostics)
    {
        var shape = dataset.ImageShape;
        var transforms = new List<PlannedTransform>();
        foreach (var t in model.Input ?? [])
        {
            var check = t.Infer(shape);
            if (!check.IsOk)
            {
                diagnostics.Error("shape", $"model `{model.Name}`, input transform {t.Kind}: {check.Error}", t.SpanOf(check.Key ?? ""), check.Hint);
                return null;
            }
            transforms.Add(new PlannedTransform(t, shape, check.Output!));
            shape = check.Output!;
        }
        var layers = new List<PlannedLayer>();
        var counts = new Dictionary<string, int>();
        foreach (var layer in model.Layers ?? [])
        {
            counts[layer.Kind] = counts.GetValueOrDefault(layer.Kind) + 1;
            string name = layer.Name ?? $"{ShortName(layer.Kind)}{counts[layer.Kind]}";
            var check = layer.Infer(shape);
            if (!check.IsOk)
            {
                diagnostics.Error("shape", $"model `{model.Name}`, layer `{name}` ({layer.Kind}): {check.Error}",
                    check.Key is null ? layer.Where : layer.SpanOf(check.Key), check.Hint);
                return null;
            }
            layers.Add(new PlannedLayer(name, layer, shape, check.Output!, layer.Parameters(shape, check.Output!), layer.Macs(shape, check.Output!)));
            shape = check.Output!;
        }
        if (layers.Count > 0 && !shape.Equals(Shape.Features(dataset.ClassCount)))
            diagnostics.Error("output-shape",
                $"model `{model.Name}` ends with shape {shape}, but {dataset.Name} has {dataset.ClassCount} classes",
                layers[^1].Spec.Where, $"end the stack with `- linear: {{ out: {dataset.ClassCount} }}` (after `- flatten`)");
        return new ModelPlan(model.Name, model, dataset.ImageShape, transforms, layers);
    }

    /// <summary>conv2d → conv, maxpool2d → maxpool, linear → linear: names users expect (conv1, fc-style).</summary>
    static string ShortName(string kind) => kind.EndsWith("2d", StringComparison.Ordinal) ? kind[..^2] : kind;
}
