using Cnnexp.Spec.Datasets;
using Cnnexp.Spec.Model;

namespace Cnnexp.Spec.Planning;

/// <summary>The whole experiment, resolved: the spec, the data set's facts, and one plan per model.</summary>
public sealed record ExperimentPlan(ExperimentSpec Spec, DatasetInfo Dataset, IReadOnlyList<ModelPlan> Models)
{
    public ModelPlan Model(string name) => Models.First(m => m.Name == name);
}
