using Cnnexp.Spec.Planning;

namespace Cnnexp.Hooks;

/// <summary>What a script input transform is built from: its YAML `args` and the input shape (C, H, W).</summary>
public sealed class TransformContext(HookArgs args, Shape input)
{
    /// <summary>The entry's `args:`.</summary>
    public HookArgs Args { get; } = args;

    /// <summary>One image's shape before this transform, batch left out.</summary>
    public Shape Input { get; } = input;

    /// <summary>An error to throw when the input or args do not fit; cnnexp prints it at the entry's YAML line.</summary>
    public HookArgumentException Fail(string message, string? hint = null) => new(message, null, hint);
}
