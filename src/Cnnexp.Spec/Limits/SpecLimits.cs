namespace Cnnexp.Spec.Limits;

/// <summary>
/// The sizes beyond which a spec is refused with a located error instead of being attempted. They
/// sit far above any experiment this tool is meant for (a CIFAR-10 network uses a millionth of
/// them) and far below what would crash the process: a stack overflow in a deeply nested file, an
/// integer overflow in shape arithmetic, or a model that cannot be allocated. Per-field limits are
/// declared on each field (<see cref="Binding.FieldAttribute"/>) and shown in docs/spec-reference.md.
/// </summary>
public static class SpecLimits
{
    /// <summary>Characters in one spec file (1 MiB): specs are a few hundred lines.</summary>
    public const int MaxYamlChars = 1 << 20;

    /// <summary>Nesting of YAML mappings and lists (a spec needs about 10).</summary>
    public const int MaxYamlDepth = 64;

    /// <summary>Dot-separated segments in one <c>--set</c> key.</summary>
    public const int MaxKeySegments = 32;

    /// <summary>Height or width of an image or feature map.</summary>
    public const int MaxSide = 4096;

    /// <summary>Channels of a convolution or batch norm.</summary>
    public const int MaxChannels = 65536;

    /// <summary>Features of a linear layer.</summary>
    public const int MaxFeatures = 1 << 20;

    /// <summary>Values one example's activations may hold at any layer (2^28, 1 GiB in fp32).</summary>
    public const long MaxValues = 1L << 28;

    /// <summary>Trainable and non-trainable parameters of one model (4 GB in fp32).</summary>
    public const long MaxParameters = 1_000_000_000;

    /// <summary>Multiply-accumulates of one model's forward pass for one example.</summary>
    public const long MaxMacs = 1_000_000_000_000;

    /// <summary>Layers of one model after blocks and repeats are expanded.</summary>
    public const int MaxLayers = 10_000;

    /// <summary>Models in one <c>extends</c> chain.</summary>
    public const int MaxExtendsDepth = 32;

    /// <summary>Files in one <c>include</c> chain (a spec includes a file that includes a file …), the spec not counted.</summary>
    public const int MaxIncludeDepth = 16;

    /// <summary>Files one spec includes in all, counting a file each time it is included.</summary>
    public const int MaxIncludedFiles = 100;

    /// <summary>Models after sweeps are expanded.</summary>
    public const int MaxModels = 1_000;
}
