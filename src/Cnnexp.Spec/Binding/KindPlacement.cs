using Cnnexp.Spec.Layers;

namespace Cnnexp.Spec.Binding;

/// <summary>
/// Hints for a kind written in the wrong list: `- grayscale` under `layers:` is an input transform,
/// `random_crop` under `input:` an augmentation, `batchnorm` a layer whose dimension the list above
/// it decides. One place knows where each family belongs.
/// </summary>
public static class KindPlacement
{
    /// <summary>Where each family is written, as a user would read it.</summary>
    static readonly (string Family, Func<string, bool> Has, string Where)[] Homes =
    [
        ("layer", n => Layers.Layers.Registry.Find(n) is not null, "under a model's `layers:`"),
        ("transform", n => Transforms.Transforms.Registry.Find(n) is not null, "under the model's `input:` (applied to training and test images), e.g. `input: [{0}]`"),
        ("augmentation", n => Augmentations.Augmentations.Registry.Find(n) is not null, "under `data: {{ augment: [...] }}` (training images only), e.g. `augment: [{0}]`"),
    ];

    /// <summary>A hint when <paramref name="typed"/> is a kind of another family than <paramref name="family"/>.</summary>
    public static string? Elsewhere(string typed, string family)
    {
        foreach (var (other, has, where) in Homes)
            if (other != family && has(typed))
                return $"`{typed}` is {(other == "augmentation" ? "an" : "a")} {other}, not a {family}: it belongs " + string.Format(System.Globalization.CultureInfo.InvariantCulture, where, typed);
        return null;
    }

    /// <summary>`batchnorm` (Keras, or a guess): 1d or 2d as the layers above make the input flat or an image.</summary>
    public static string? Layer(string typed, IReadOnlyList<LayerSpec> above)
    {
        if (typed.ToLowerInvariant() is "softmax" or "log_softmax" or "logsoftmax")
            return "the loss is cross-entropy on the last layer's raw outputs (logits), so no softmax layer is needed: end with `- linear: { out: CLASSES }`";
        if (typed.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() is not ("batchnorm" or "batchnormalization" or "bn")) return null;
        bool flat = above.Any(l => l is FlattenLayer or LinearLayer);
        return flat
            ? $"the input here is flat (after `{above.Last(l => l is FlattenLayer or LinearLayer).Kind}`): use `batchnorm1d`"
            : above.Count > 0 ? $"the input here is an image (channels x height x width, after `{above[^1].Kind}`): use `batchnorm2d`"
            : "use `batchnorm2d` on images (after a conv2d), `batchnorm1d` on flat features (after flatten or linear)";
    }
}
