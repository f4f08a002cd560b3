using Cnnexp.Spec.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Training;

public static class OptimizerFactory
{
    public static optim.Optimizer Create(OptimizerSpec spec, IEnumerable<TorchSharp.Modules.Parameter> parameters) => spec.Kind switch
    {
        OptimizerKind.Adam => optim.Adam(parameters, lr: spec.Lr, weight_decay: spec.WeightDecay),
        OptimizerKind.Adamw => optim.AdamW(parameters, lr: spec.Lr, weight_decay: spec.WeightDecay),
        OptimizerKind.Sgd => optim.SGD(parameters, spec.Lr, momentum: spec.Momentum, weight_decay: spec.WeightDecay),
        _ => throw new NotSupportedException(spec.Kind.ToString()),
    };
}
