namespace Cnnexp.FSharp

open System.Collections.Generic
open Cnnexp.Spec.Transforms

/// An input transform, applied to each batch before a model's first layer (a model's `input:`).
type Transform = TransformSpec

/// Input transforms as values: `Spec.input "sumfirst" [ Transform.channelSum ]`.
[<RequireQualifiedAccess>]
module Transform =
    let private ints (xs: int list) = List<int>(xs) :> IReadOnlyList<int>
    let private floats (xs: float list) = List<float>(xs) :> IReadOnlyList<float>

    /// R+G+B summed into one channel: (C, H, W) -> (1, H, W).
    let channelSum: Transform = ChannelSum()

    /// The channels averaged into one: (C, H, W) -> (1, H, W).
    let channelMean: Transform = ChannelMean()

    /// Luma, 0.299 R + 0.587 G + 0.114 B: (3, H, W) -> (1, H, W).
    let grayscale: Transform = Grayscale()

    /// Only the listed channels, in that order (0 = R, 1 = G, 2 = B).
    let channelSelect (channels: int list) : Transform = ChannelSelect(Channels = ints channels)

    /// The channels reordered: output channel i is input channel order[i] (`[2; 1; 0]`: RGB to BGR).
    let channelPermute (order: int list) : Transform = ChannelPermute(Order = ints order)

    /// Per-channel (x - mean) / std; one value applies to every channel.
    let normalize (mean: float list) (std: float list) : Transform = Normalize(Mean = floats mean, Std = floats std)

    /// A transform written in a .csx script (path relative to the spec's folder).
    let script (path: string) : Transform = ScriptTransform(Path = path)
