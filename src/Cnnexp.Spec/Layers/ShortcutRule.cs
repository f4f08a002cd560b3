namespace Cnnexp.Spec.Layers;

/// <summary>The skip path of a residual: a projection layer (null for the identity) or why none fits.</summary>
public sealed record ShortcutRule(LayerSpec? Projection, string? Error, string? Hint = null)
{
    public static ShortcutRule Fail(string error, string hint) => new(null, error, hint);
}
