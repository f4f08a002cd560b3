using Cnnexp.Spec.Model;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Modules;

/// <summary>How <see cref="ModelBuilder"/> builds a model: its layout, its precision and its random numbers.</summary>
public sealed record BuildOptions
{
    /// <summary>Convolutions take channels-last input (see <see cref="ChannelsLast"/>).</summary>
    public bool ChannelsLast { get; init; } = true;

    /// <summary>What convolutions and linear layers compute in (<see cref="Autocast"/>); parameters stay fp32.</summary>
    public Precision Precision { get; init; } = Precision.Fp32;

    /// <summary>bf16 is emulated in fp32 arithmetic (<see cref="Autocast.Round"/>) instead of libtorch's bf16 kernels.</summary>
    public bool EmulateBf16 { get; init; }

    /// <summary>
    /// The unit's own generator for dropout masks; null: libtorch's global one. Units trained side by
    /// side must each have their own, or their masks would depend on which thread drew first.
    /// </summary>
    public Generator? Generator { get; init; }
}
