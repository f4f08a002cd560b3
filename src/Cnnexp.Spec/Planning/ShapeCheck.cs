namespace Cnnexp.Spec.Planning;

/// <summary>The result of a shape rule: the output shape, or why the input does not fit.</summary>
public sealed record ShapeCheck(Shape? Output, string? Error, string? Hint = null, string? Key = null)
{
    public static ShapeCheck Ok(Shape output) => new(output, null);

    /// <param name="key">The YAML key the error is about, so the diagnostic points at its line.</param>
    public static ShapeCheck Fail(string error, string? hint = null, string? key = null) => new(null, error, hint, key);

    public bool IsOk => Output is not null;
}
