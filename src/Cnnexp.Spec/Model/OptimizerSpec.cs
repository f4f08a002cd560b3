using Cnnexp.Spec.Binding;

namespace Cnnexp.Spec.Model;

public enum OptimizerKind { Adam, Adamw, Sgd }

[Section("The optimiser.")]
public sealed record OptimizerSpec : SpecNode
{
    [Field("Optimiser: `adam`, `adamw` or `sgd`.", Key = "type")] public OptimizerKind Kind { get; init; } = OptimizerKind.Adam;
    [Field("Learning rate (the peak rate for `onecycle`).", Min = 0, Max = 1000)] public double Lr { get; init; } = 0.001;
    [Field("Momentum (sgd only).", Min = 0, Max = 1)] public double Momentum { get; init; }
    [Field("Nesterov momentum (sgd only; needs momentum > 0).")] public bool Nesterov { get; init; }
    [Field("Weight decay: L2 penalty for adam and sgd, decoupled decay for adamw.", Min = 0, Max = 1000)] public double WeightDecay { get; init; }
}
