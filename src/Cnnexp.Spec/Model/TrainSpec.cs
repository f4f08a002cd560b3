using Cnnexp.Spec.Binding;

namespace Cnnexp.Spec.Model;

[Section("How each model is trained.")]
public sealed record TrainSpec : SpecNode
{
    [Field("Passes over the training set.", Min = 1)] public int Epochs { get; init; } = 10;
    [Field("The optimiser and its settings.")] public OptimizerSpec Optimizer { get; init; } = new();
}
