namespace Cnnexp.FSharp

open System.Collections.Generic
open Cnnexp.Spec.Diagnostics
open Cnnexp.Spec.Layers
open Cnnexp.Spec.Model

/// A layer as a spec declares it (the records of Cnnexp.Spec.Layers); build one with the `Layer` functions.
type Layer = LayerSpec

/// Layers as values and pipelines: `Layer.conv2d 16 3 |> Layer.padding 1`. One function per kind
/// the spec accepts, taking the kind's required settings; the others keep the YAML defaults and
/// change with the modifiers below. A modifier given a kind without that setting, or a value outside
/// the range the YAML allows, throws ArgumentException naming the key.
[<RequireQualifiedAccess>]
module Layer =
    let private list (layers: Layer list) = List<Layer>(layers) :> IReadOnlyList<Layer>

    /// `conv2d: { out: OUT, kernel: KERNEL }`: OUT filters of KERNEL x KERNEL, no padding, stride 1.
    let conv2d (out: int) (kernel: int) : Layer =
        (Conv2dLayer() :> Layer) |> Fields.setInt "out" out |> Fields.setInt "kernel" kernel

    /// `linear: { out: OUT }`: fully connected; needs a flat input (`Layer.flatten` before it).
    let linear (out: int) : Layer = (LinearLayer() :> Layer) |> Fields.setInt "out" out

    let relu: Layer = ReluLayer()
    let sigmoid: Layer = SigmoidLayer()
    let tanh: Layer = TanhLayer()
    let flatten: Layer = FlattenLayer()

    /// GELU, exact (erf) form; `Layer.set "approximate" "tanh"` for the tanh approximation.
    let gelu: Layer = GeluLayer()

    /// ELU with its `alpha` (1.0 in PyTorch).
    let elu (alpha: float) : Layer = (EluLayer() :> Layer) |> Fields.setValue "alpha" (box alpha)

    /// Leaky ReLU with its negative slope (0.01 in PyTorch).
    let leakyRelu (negativeSlope: float) : Layer = (LeakyReluLayer() :> Layer) |> Fields.setValue "negative_slope" (box negativeSlope)

    /// Max pooling over KERNEL x KERNEL windows, stride = the window.
    let maxpool2d (kernel: int) : Layer = (MaxPool2dLayer() :> Layer) |> Fields.setInt "kernel" kernel

    /// Average pooling over KERNEL x KERNEL windows, stride = the window.
    let avgpool2d (kernel: int) : Layer = (AvgPool2dLayer() :> Layer) |> Fields.setInt "kernel" kernel

    /// Average pooling to OUT x OUT whatever the input size (1: global average pooling).
    let adaptiveAvgpool2d (out: int) : Layer = (AdaptiveAvgPool2dLayer() :> Layer) |> Fields.setInt "out" out

    /// Zeroes each value with probability p while training.
    let dropout (p: float) : Layer = (DropoutLayer() :> Layer) |> Fields.setValue "p" (box p)

    /// Zeroes whole channels with probability p while training.
    let dropout2d (p: float) : Layer = (Dropout2dLayer() :> Layer) |> Fields.setValue "p" (box p)

    let batchnorm1d: Layer = BatchNorm1dLayer()
    let batchnorm2d: Layer = BatchNorm2dLayer()

    /// The layers' output added to their input (a 1x1 projection is planned when the shapes differ).
    let residual (layers: Layer list) : Layer = ResidualLayer(Layers = list layers)

    /// The layers TIMES times in a row.
    let repeat (times: int) (layers: Layer list) : Layer =
        (RepeatLayer(Layers = list layers) :> Layer) |> Fields.setInt "times" times

    /// The layers of the spec's block NAME (`blocks:`).
    let block (name: string) : Layer = BlockLayer(Use = name)

    /// A layer written in a .csx script (path relative to the spec's folder); its args with `Layer.set "args" "{ out: 16 }"`.
    let script (path: string) : Layer = ScriptLayer(Path = path)

    /// The layer's name in plans, edits and parameter names (default: kind and a number, `conv3`).
    let named (name: string) (layer: Layer) : Layer = Fields.withProperty "Name" (box name) layer

    /// Zero padding on every side (conv2d), or padding of a pooling window.
    let padding (n: int) (layer: Layer) : Layer = Fields.setInt "padding" n layer

    /// conv2d `padding: same`: output height and width equal the input's (stride 1, odd kernel).
    let samePadding (layer: Layer) : Layer = Fields.setValue "padding" (box Padding.SameSize) layer

    let stride (n: int) (layer: Layer) : Layer = Fields.setInt "stride" n layer
    let kernel (n: int) (layer: Layer) : Layer = Fields.setInt "kernel" n layer
    let dilation (n: int) (layer: Layer) : Layer = Fields.setInt "dilation" n layer
    let groups (n: int) (layer: Layer) : Layer = Fields.setInt "groups" n layer

    /// conv2d and linear: without the additive bias.
    let noBias (layer: Layer) : Layer = Fields.setValue "bias" (box false) layer

    /// Any field, as YAML, checked as the spec file would be: `Layer.set "kernel" "[3, 5]"`.
    /// A wrong key or value throws InvalidSpecException with the diagnostics.
    let set (key: string) (yaml: string) (layer: Layer) : Layer =
        let file = $"Layer.set ({layer.Kind})"
        let line = $"{key}: {yaml}"
        let bag = DiagnosticBag()
        let sources = dict [ file, line ] |> Dictionary :> IReadOnlyDictionary<string, string>
        let fail () = raise (InvalidSpecException(Diagnostic.ofList sources bag.Items))
        match Fields.tryField key layer with
        | None ->
            let keys = Cnnexp.Spec.Binding.SpecFields.Of(layer.GetType()) |> Seq.map _.Key |> Array.ofSeq
            bag.Error("unknown-key", $"{layer.Kind} has no field `{key}`", SourceSpan(file, 1, 1), Cnnexp.Spec.Binding.Suggest.DidYouMean(key, keys))
            fail ()
        | Some f ->
            match Fields.readValue file (key.Length + 2) yaml bag |> Option.bind (fun v -> Fields.bind f v key bag) with
            | Some value -> Fields.withProperty f.Property.Name value layer
            | None -> fail ()
