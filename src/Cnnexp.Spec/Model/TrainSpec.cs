using Cnnexp.Spec.Binding;

namespace Cnnexp.Spec.Model;

public enum DeviceKind { Auto, Cpu, Cuda }

[Section("How each model is trained.")]
public sealed record TrainSpec : SpecNode
{
    [Field("Passes over the training set.", Min = 1, Max = 1e6)] public int Epochs { get; init; } = 10;
    [Field("The optimiser and its settings.")] public OptimizerSpec Optimizer { get; init; } = new();
    [Field("Learning-rate schedule.")] public ScheduleSpec Schedule { get; init; } = new();
    [Field("Cross-entropy label smoothing (0 = none).", Min = 0, Max = 1)] public double LabelSmoothing { get; init; }
    [Field("Clip the gradients' global L2 norm to this value before each step (absent = no clipping).", Min = 0, Max = 1e9)]
    public double? GradClip { get; init; }
    [Field("Early stopping on a validation metric (absent = train every epoch).")]
    public EarlyStoppingSpec? EarlyStopping { get; init; }
    [Field("`auto` (CUDA when available, else CPU), `cpu` or `cuda`.")] public DeviceKind Device { get; init; } = DeviceKind.Auto;
    [Field("What convolutions and linear layers compute in: `fp32`, or `bf16` (mixed precision: weights, optimiser state, loss and metrics stay fp32; fast only on CPUs with AVX512-BF16 or AMX, elsewhere emulated: bf16's rounding at about fp32's speed); `fp16` needs `device: cuda`.")]
    public Precision Precision { get; init; } = Precision.Fp32;
}
