/// Layer and Transform values: one function per kind the spec accepts, modifiers checked against the declared fields.
module Cnnexp.FSharp.Tests.IdiomaticLayerTests

open System
open Xunit
open Cnnexp.FSharp
open Cnnexp.Spec.Layers
open Cnnexp.Spec.Model

/// One row per layer kind; a kind added to the spec without its F# function fails the test below.
let layerRows: Layer list =
    [ Layer.conv2d 8 3; Layer.linear 10; Layer.relu; Layer.sigmoid; Layer.tanh; Layer.flatten; Layer.gelu
      Layer.elu 1.0; Layer.leakyRelu 0.1; Layer.maxpool2d 2; Layer.avgpool2d 2; Layer.adaptiveAvgpool2d 1
      Layer.dropout 0.5; Layer.dropout2d 0.25; Layer.batchnorm1d; Layer.batchnorm2d
      Layer.residual [ Layer.conv2d 8 3 |> Layer.samePadding; Layer.relu ]; Layer.repeat 2 [ Layer.relu ]
      Layer.block "stage"; Layer.script "hooks/mine.csx" ]

let transformRows: Transform list =
    [ Transform.channelSum; Transform.channelMean; Transform.grayscale; Transform.channelSelect [ 0; 2 ]
      Transform.channelPermute [ 2; 1; 0 ]; Transform.normalize [ 0.5 ] [ 0.25 ]; Transform.script "hooks/t.csx" ]

let kinds (registry: Cnnexp.Spec.Binding.KindRegistry<'T>) = registry.All |> Seq.map _.Name |> Set.ofSeq

[<Fact>]
let ``Every layer kind and every transform kind the spec accepts has an F# function`` () =
    Assert.Equal<Set<string>>(kinds Layers.Registry, layerRows |> List.map _.Kind |> Set.ofList)
    Assert.Equal<Set<string>>(kinds Cnnexp.Spec.Transforms.Transforms.Registry, transformRows |> List.map _.Kind |> Set.ofList)

[<Fact>]
let ``Modifiers set the declared fields and leave the original as it was`` () =
    let conv = Layer.conv2d 16 5
    let changed = conv |> Layer.padding 2 |> Layer.stride 2 |> Layer.groups 4 |> Layer.noBias |> Layer.named "wide"
    match conv, changed with
    | (:? Conv2dLayer as before), (:? Conv2dLayer as after) ->
        Assert.Equal((16, IntPair.Square 5, Padding.Of 0, true), (before.Out, before.Kernel, before.Padding, before.Bias))
        Assert.Equal((IntPair.Square 5, Padding.Of 2, IntPair.Square 2, 4, false, "wide"),
                     (after.Kernel, after.Padding, after.Stride, after.Groups, after.Bias, after.Name))
    | _ -> failwith "conv2d is a Conv2dLayer"
    match Layer.maxpool2d 3 |> Layer.padding 1 with                                  // a pool's padding is a pair
    | :? MaxPool2dLayer as pool -> Assert.Equal((IntPair.Square 3, IntPair.Square 1), (pool.Kernel, pool.Padding))
    | other -> failwithf "got %s" other.Kind
    match Layer.conv2d 8 3 |> Layer.set "kernel" "[3, 5]" with
    | :? Conv2dLayer as c -> Assert.Equal(IntPair(3, 5), c.Kernel)
    | other -> failwithf "got %s" other.Kind

[<Fact>]
let ``A setting the kind lacks, or a value outside its range, throws naming the key`` () =
    let noGroups = Assert.Throws<ArgumentException>(fun () -> Layer.maxpool2d 2 |> Layer.groups 2 |> ignore)
    Assert.Contains("maxpool2d has no `groups`: it has only `name`, `kernel`, `stride`, `padding`", noGroups.Message)
    let p = Assert.Throws<ArgumentOutOfRangeException>(fun () -> Layer.dropout 1.5 |> ignore)
    Assert.Contains("`p` must be within [0, 1], not 1.5", p.Message)
    Assert.Throws<ArgumentOutOfRangeException>(fun () -> Layer.conv2d 0 3 |> ignore) |> ignore
    let typo = Assert.Throws<InvalidSpecException>(fun () -> Layer.conv2d 8 3 |> Layer.set "kernal" "5" |> ignore)
    Assert.Equal(Some "did you mean `kernel`?", (List.exactlyOne typo.Data0).Hint)
    let wrong = Assert.Throws<InvalidSpecException>(fun () -> Layer.conv2d 8 3 |> Layer.set "stride" "fast" |> ignore)
    Assert.Contains("stride: fast", wrong.Message)
    Assert.Contains("^", wrong.Message)

[<Fact>]
let ``A metric with a bad name fails where it is written`` () =
    let e = Assert.Throws<ArgumentException>(fun () -> Hook.metric "Top-2" (fun _ _ -> 0.0) |> ignore)
    Assert.Contains("must be lower case letters", e.Message)
