using Cnnexp.Spec.Planning;

namespace Cnnexp.Hooks;

/// <summary>What a script layer is built from: its YAML `args` and the planned shape of its input.</summary>
public sealed class LayerContext(HookArgs args, Shape input)
{
    /// <summary>The entry's `args:`.</summary>
    public HookArgs Args { get; } = args;

    /// <summary>One example's input shape, batch left out: (C, H, W) for images, (F) for features.</summary>
    public Shape Input { get; } = input;

    /// <summary>An error to throw when the input or args do not fit; cnnexp prints it at the entry's YAML line.</summary>
    public HookArgumentException Fail(string message, string? hint = null) => new(message, null, hint);
}
