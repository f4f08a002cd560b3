namespace Cnnexp.Spec.Binding;

/// <summary>
/// The names Keras, PyTorch and Lightning give to what cnnexp calls otherwise, so "did you mean"
/// speaks the framework a newcomer comes from. A peer name is offered only where cnnexp's name is
/// valid (`units` → `out` in a `linear`, not in `train`), so each table row is safe everywhere.
/// </summary>
public static class PeerNames
{
    sealed record Peer(string Theirs, string Ours, string Framework, string? Advice = null);

    const string Inferred = "cnnexp infers it from the previous layer's output: remove it (or write `in` only to assert it)";

    static readonly Peer[] Table =
    [
        // layer settings
        new("filters", "out", "Keras"), new("units", "out", "Keras"), new("out_channels", "out", "PyTorch"),
        new("out_features", "out", "PyTorch"), new("num_features", "in", "PyTorch", Inferred),
        new("in_channels", "in", "PyTorch", Inferred), new("in_features", "in", "PyTorch", Inferred),
        new("kernel_size", "kernel", "Keras and PyTorch"), new("pool_size", "kernel", "Keras"), new("strides", "stride", "Keras"),
        new("rate", "p", "Keras"), new("use_bias", "bias", "Keras"), new("negative_slope", "slope", "PyTorch"),
        // training
        new("max_epochs", "epochs", "Lightning"), new("learning_rate", "lr", "Keras"), new("optim", "optimizer", "Hydra configs"),
        new("gradient_clip_val", "grad_clip", "Lightning"), new("label_smoothing_factor", "label_smoothing", "Hugging Face"),
        new("decay", "weight_decay", "Keras"),
        // layer kinds
        new("dense", "linear", "Keras"), new("conv2D", "conv2d", "Keras"), new("max_pooling2d", "maxpool2d", "Keras"),
        new("maxpooling2d", "maxpool2d", "Keras"), new("average_pooling2d", "avgpool2d", "Keras"),
        new("global_average_pooling2d", "adaptive_avgpool2d", "Keras", "write `- adaptive_avgpool2d: 1` then `- flatten`"),
        new("globalaveragepooling2d", "adaptive_avgpool2d", "Keras", "write `- adaptive_avgpool2d: 1` then `- flatten`"),
        new("leakyrelu", "leaky_relu", "Keras and PyTorch"),
        // values
        new("confusion_matrix", "confusion", "scikit-learn and Keras"), new("adam_w", "adamw", "PyTorch"),
    ];

    /// <summary>A hint naming cnnexp's word for <paramref name="typed"/>, when it is a peer's name and ours is valid here.</summary>
    public static string? Hint(string typed, IReadOnlyCollection<string> valid)
    {
        var peer = Find(typed, valid);
        if (peer is null) return null;
        return peer.Advice is null ? $"`{typed}` is the {peer.Framework} name; cnnexp calls it `{peer.Ours}`"
            : $"`{typed}` is the {peer.Framework} name of `{peer.Ours}`; {peer.Advice}";
    }

    /// <summary>cnnexp's name for a peer's <paramref name="typed"/>, when it is one of <paramref name="valid"/>.</summary>
    public static string? Ours(string typed, IReadOnlyCollection<string> valid) => Find(typed, valid)?.Ours;

    static Peer? Find(string typed, IReadOnlyCollection<string> valid) =>
        Table.FirstOrDefault(p => string.Equals(p.Theirs, typed, StringComparison.OrdinalIgnoreCase) && valid.Contains(p.Ours));
}
