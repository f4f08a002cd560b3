using Cnnexp.Spec.Binding;

namespace Cnnexp.Spec.Model;

public enum ScheduleKind { Constant, Step, Multistep, Cosine, Onecycle }

[Section("How the learning rate changes during training. The rate is set before every batch.")]
public sealed record ScheduleSpec : SpecNode
{
    [Field("`constant`, `step` (× gamma every step_size epochs), `multistep` (× gamma at each milestone epoch), `cosine` (to min_lr) or `onecycle` (up to lr, then down).", Key = "type")]
    public ScheduleKind Kind { get; init; } = ScheduleKind.Constant;
    [Field("Epochs between decays (`step`).", Min = 1, Max = 1e6)] public int StepSize { get; init; } = 10;
    [Field("Decay factor (`step`, `multistep`).", Min = 0, Max = 1)] public double Gamma { get; init; } = 0.1;
    [Field("Epochs after which the rate is multiplied by gamma (`multistep`).", Min = 1, Max = 1e6)] public IReadOnlyList<int> Milestones { get; init; } = [];
    [Field("Final learning rate of `cosine`.", Min = 0, Max = 1000)] public double MinLr { get; init; }
    [Field("Linear warm-up from 0 over this many epochs, for any schedule.", Min = 0, Max = 1e6)] public double WarmupEpochs { get; init; }
    [Field("Fraction of training spent rising (`onecycle`).", Min = 0, Max = 1)] public double PctStart { get; init; } = 0.3;
}
