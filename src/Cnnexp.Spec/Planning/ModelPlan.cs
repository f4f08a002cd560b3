using Cnnexp.Spec.Model;

namespace Cnnexp.Spec.Planning;

/// <summary>A model with every default resolved and every shape computed: what the engine builds.</summary>
public sealed record ModelPlan(string Name, ModelSpec Spec, Shape Input,
    IReadOnlyList<PlannedTransform> Transforms, IReadOnlyList<PlannedLayer> Layers)
{
    public Shape Output => Layers.Count > 0 ? Layers[^1].Output : Transforms.Count > 0 ? Transforms[^1].Output : Input;

    /// <summary>The shape the first layer sees, after the input transforms.</summary>
    public Shape LayerInput => Transforms.Count > 0 ? Transforms[^1].Output : Input;

    public long Parameters => Layers.Sum(l => l.Parameters);
    public long Macs => Layers.Sum(l => l.Macs);

    /// <summary>Parameters of the layers `freeze:` names (0 without it): they get no gradient.</summary>
    public long FrozenParameters
    {
        get
        {
            if (Spec.Freeze is not { Count: > 0 } names) return 0;
            var frozen = InitRules.Frozen(this, names);
            return AllLayers.Where(l => l.Body.Count == 0 && l.Shortcut is null && frozen.Contains(l.Name)).Sum(l => l.Parameters);
        }
    }

    /// <summary>This model's training settings: its own `train`, else the experiment's.</summary>
    public TrainSpec TrainFor(ExperimentSpec experiment) => Spec.Train ?? experiment.Train;

    /// <summary>Every planned layer, depth first: a residual, its body, then its projection.</summary>
    public IEnumerable<PlannedLayer> AllLayers => Flatten(Layers);

    static IEnumerable<PlannedLayer> Flatten(IEnumerable<PlannedLayer> layers) => layers.SelectMany(l =>
        new[] { l }.Concat(Flatten(l.Body)).Concat(l.Shortcut is { } s ? [s] : []));
}
