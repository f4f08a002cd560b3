using Cnnexp.Spec.Datasets;
using Cnnexp.Spec.Model;

namespace Cnnexp.Spec.Planning;

/// <summary>The whole experiment, resolved: the spec, the data set's facts, and one plan per model.</summary>
public sealed record ExperimentPlan(ExperimentSpec Spec, DatasetInfo Dataset, IReadOnlyList<ModelPlan> Models)
{
    /// <summary>
    /// The spec's hook scripts, compiled and run once by the scripting stage, kept beside the plan
    /// (the spec records stay plain data); null when the spec names none or they were not compiled.
    /// </summary>
    public Scripts.ICompiledHooks? Hooks { get; init; }

    public ModelPlan Model(string name) => Models.First(m => m.Name == name);
}
