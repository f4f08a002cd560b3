using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Model;

namespace Cnnexp.Spec.Binding;

/// <summary>
/// Hints for a key that exists, but in another section: `batch_size` under `train` belongs in
/// `data`, `lr` under `train` in `train.optimizer`. Also Keras's `activation:` inside a layer.
/// </summary>
public static class KeyPlacement
{
    static readonly (Type Type, string Where)[] Sections =
    [
        (typeof(ExperimentSpec), "at the top level"), (typeof(DataSpec), "under `data:`"), (typeof(TrainSpec), "under `train:`"),
        (typeof(OptimizerSpec), "under `train: { optimizer: ... }`"), (typeof(ModelSpec), "in a model, under `models: { NAME: ... }`"),
    ];

    public static string? Hint(string key, Type type)
    {
        if (key == "activation" && typeof(LayerSpec).IsAssignableFrom(type))
            return "cnnexp writes an activation as a layer of its own: remove `activation` and add `- relu` (or the one you meant) after this layer";
        if (type == typeof(ModelSpec) && key is "optimizer" or "epochs")
            return $"`{key}` belongs under the model's `train:` (e.g. `train: {{ {key}: ... }}`), or under the top-level `train:` for every model";
        foreach (var (section, where) in Sections)
            if (section != type && SpecFields.Of(section).Any(f => f.Key == key) && Sections.Any(s => s.Type == type))
                return $"`{key}` belongs {where}";
        return null;
    }
}
