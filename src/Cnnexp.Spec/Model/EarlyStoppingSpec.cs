using Cnnexp.Spec.Binding;

namespace Cnnexp.Spec.Model;

public enum StopMetric { ValAccuracy, ValLoss }

[Section("Stop a model/seed when its validation metric stops improving (needs `data.val_fraction`).")]
public sealed record EarlyStoppingSpec : SpecNode
{
    [Field("The validation metric watched.")] public StopMetric Metric { get; init; } = StopMetric.ValAccuracy;
    [Field("Epochs without improvement before stopping.", Min = 1, Max = 1e6)] public int Patience { get; init; } = 5;
    [Field("Smallest change that counts as an improvement.", Min = 0, Max = 1e6)] public double MinDelta { get; init; }
}
