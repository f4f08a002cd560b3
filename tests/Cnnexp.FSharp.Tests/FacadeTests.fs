/// Loading, deriving, planning and inspecting specs the way an F# script does.
module Cnnexp.FSharp.Tests.FacadeTests

open System
open Xunit
open Cnnexp
open Cnnexp.Spec.Layers
open Cnnexp.Spec.Model
open type Cnnexp.Experiment

let tiny = """name: tiny
data: { dataset: synthetic, batch_size: 50, limit: 200 }
train: { epochs: 2, optimizer: { type: adam, lr: 0.003 } }
models:
  rgb:
    layers: [conv2d: { out: 4, kernel: 3 }, relu, maxpool2d: { kernel: 4 }, flatten, linear: { out: 10 }]
  sum:
    extends: rgb
    input: [channel_sum]
"""

let kinds (layers: LayerSpec seq) = layers |> Seq.map (fun l -> l.Kind) |> List.ofSeq

[<Fact>]
let ``A spec loads from a string with open type, and its errors carry file, line, column and a hint`` () =
    let good = Parse(tiny, "tiny.yaml")
    Assert.True(good.Ok, good.FormatDiagnostics())
    Assert.Equal<string list>([ "rgb"; "sum" ], good.Spec.Models |> Seq.map (fun m -> m.Name) |> List.ofSeq)
    let bad = Parse(tiny.Replace("kernel: 3", "kernal: 3"), "bad.yaml")
    Assert.False bad.Ok
    let d = Assert.Single bad.Diagnostics
    Assert.Equal(Cnnexp.Spec.Diagnostics.SourceSpan("bad.yaml", 6, 32), d.Where)
    Assert.Equal("did you mean `kernel`?", d.Hint)
    Assert.Contains("bad.yaml:6:32: error: unknown key `kernal`", bad.FormatDiagnostics())

[<Fact>]
let ``A missing file is a diagnostic, not an exception`` () =
    let load = Load "no/such/spec.yaml"
    Assert.False load.Ok
    Assert.Contains("does not exist", load.FormatDiagnostics())

[<Fact>]
let ``Changed specs are derived without touching the original`` () =
    let spec = Parse(tiny).Spec
    let faster = spec.WithLearningRate(0.01).WithEpochs(3).WithSeeds([| 0; 1 |])
    Assert.Equal((0.003, 2, 1), (spec.Train.Optimizer.Lr, spec.Train.Epochs, spec.RunSeeds.Count))
    Assert.Equal((0.01, 3, 2), (faster.Train.Optimizer.Lr, faster.Train.Epochs, faster.RunSeeds.Count))

    let deeper = spec.DeriveModel("deeper", "rgb").InsertLayer("deeper", 2, Conv2dLayer(Out = 4, Padding = Padding.SameSize))
    Assert.Equal(2, spec.Models.Count)
    Assert.Equal<string list>([ "conv2d"; "relu"; "maxpool2d"; "flatten"; "linear" ], kinds (spec.LayersOf "rgb"))
    Assert.Equal<string list>([ "conv2d"; "relu"; "conv2d"; "maxpool2d"; "flatten"; "linear" ], kinds (deeper.LayersOf "deeper"))
    Assert.Equal<string list>(kinds (spec.LayersOf "rgb"), kinds (deeper.LayersOf "rgb"))

    let tooFew = Assert.Throws<ArgumentOutOfRangeException>(fun () -> spec.WithEpochs 0 |> ignore)
    Assert.Contains("`train.epochs` must be within [1, 1000000], not 0", tooFew.Message)
    Assert.Throws<ArgumentException>(fun () -> spec.InsertLayer("nope", 0, ReluLayer()) |> ignore) |> ignore

[<Fact>]
let ``A derived spec plans, and Inspect shows every layer's shapes and parameters`` () =
    let deeper = Parse(tiny).Spec.DeriveModel("deeper", "rgb").InsertLayer("deeper", 2, Conv2dLayer(Out = 4, Padding = Padding.SameSize))
    let plan = Plan deeper
    Assert.True(plan.Ok, plan.FormatDiagnostics())
    let layers = plan.Plan.Model("deeper").Layers
    Assert.Equal("4x30x30", layers[2].Output.ToString())
    Assert.Equal(4L * 4L * 9L + 4L, layers[2].Parameters)
    let text = Inspect plan.Plan
    Assert.Contains("tiny: synthetic 3x32x32, 10 classes", text)
    Assert.Contains("deeper", text)
    Assert.Contains("channel_sum", text)

[<Fact>]
let ``A shape error in a derived spec is a planning diagnostic`` () =
    let broken = Parse(tiny).Spec.RemoveLayer("rgb", 3)           // no flatten before linear
    let plan = Plan broken
    Assert.False plan.Ok
    Assert.Contains("linear needs a flat input", plan.FormatDiagnostics())

[<Fact>]
let ``Predict takes an options record from F#, and a folder that is no run is an error in the result`` () =
    let result = Predict("no/such/run", PredictOptions(Inputs = [| "cat.png" |], Model = "rgb", Top = 3))
    Assert.False result.Ok
    Assert.Contains("no/such/run is not a readable run directory", result.Error)
    Assert.Empty result.Images
