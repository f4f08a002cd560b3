/// The F# modules (package Cnnexp.FSharp): specs as pipelines, layers as values, Result with located diagnostics.
module Cnnexp.FSharp.Tests.IdiomaticSpecTests

open System
open System.IO
open Xunit
open Cnnexp.FSharp
open Cnnexp.FSharp.Tests.Process

let quickstartPath = Path.Combine(repoRoot, "experiments", "quickstart.yaml")

let ok (result: Result<'T, Diagnostic list>) =
    match result with
    | Ok value -> value
    | Error ds -> failwith (Diagnostic.format ds)

let errors (result: Result<'T, Diagnostic list>) =
    match result with
    | Ok _ -> failwith "expected Error, got Ok"
    | Error ds -> ds

let quickstart () = Spec.load quickstartPath |> ok

[<Fact>]
let ``The issue's pipeline plans the deeper variant with the shapes arithmetic gives`` () =
    let spec =
        quickstart ()
        |> Spec.derive "deeper" "standard"
        |> Spec.insert "deeper" 4 (Layer.conv2d 16 3 |> Layer.padding 1)
        |> Spec.insert "deeper" 5 Layer.relu
    let plan = Experiment.plan spec |> ok
    Assert.Equal<string list>([ "standard"; "sumfirst"; "deeper" ], plan.Models |> List.map _.Name)
    let deeper = Plan.model "deeper" plan
    let added = deeper.Layers[4]
    Assert.Equal(("conv2d", [ 16; 32; 32 ], [ 16; 32; 32 ]), (added.Kind, added.Input, added.Output))   // 3x3, padding 1: size kept
    Assert.Equal(16L * 16L * 9L + 16L, added.Parameters)
    Assert.Equal(16L * 32L * 32L * 16L * 9L, added.Macs)
    Assert.Equal<int list>([ 16; 16; 16 ], deeper.Layers[6].Output)                                   // maxpool2d 2 halves it
    Assert.Equal<int list>([ 4096 ], deeper.Layers[7].Output)                                         // flatten
    Assert.Equal<int list>([ 10 ], deeper.Output)
    Assert.Equal(11, deeper.Layers.Length)
    Assert.Equal(9, (Plan.model "standard" plan).Layers.Length)                                       // the original is untouched
    let sumfirst = Plan.model "sumfirst" plan
    Assert.Equal<TransformPlan list>([ { Kind = "channel_sum"; Input = [ 3; 32; 32 ]; Output = [ 1; 32; 32 ] } ], sumfirst.Transforms)
    Assert.Equal(8L * 1L * 9L + 8L, sumfirst.Layers[0].Parameters)
    Assert.Contains("conv3          conv2d       16x32x32   16x32x32", plan.Text)

[<Fact>]
let ``A spec with a typo is Error with the file, line, column, hint and a caret`` () =
    let yaml = File.ReadAllText(quickstartPath).Replace("kernel: 3, padding: 1 }\n      - relu\n      - conv2d", "kernal: 3, padding: 1 }\n      - relu\n      - conv2d")
    let d = Spec.parseAs "bad.yaml" yaml |> errors |> Assert.Single
    Assert.Equal(Severity.Error, d.Severity)
    Assert.Equal("unknown-key", d.Code)
    Assert.Equal(Some { File = "bad.yaml"; Line = 11; Column = 27 }, d.Location)
    Assert.Equal(Some "did you mean `kernel`?", d.Hint)
    Assert.StartsWith("bad.yaml:11:27: error: unknown key `kernal`", d.Text)
    Assert.Contains("   11 |       - conv2d: { out: 8, kernal: 3, padding: 1 }\n      |                           ^", d.Text)

[<Fact>]
let ``A missing file is Error without a location, and a shape error is a planning Error at the layer`` () =
    let missing = Spec.load "no/such/spec.yaml" |> errors |> Assert.Single
    Assert.Equal(("file-not-found", None), (missing.Code, missing.Location))
    let broken = quickstart () |> Spec.remove "standard" 5                                            // no flatten before linear
    let d = Experiment.plan broken |> errors |> List.find (fun d -> d.Message.Contains "linear needs a flat input")
    Assert.Equal(Some quickstartPath, d.Location |> Option.map _.File)
    Assert.Equal(Some 17, d.Location |> Option.map _.Line)

[<Fact>]
let ``Spec.set changes any key as --set does, and a bad key or value is Error at the --set line`` () =
    let spec = quickstart ()
    let changed =
        spec
        |> Spec.set "train.epochs" "2"
        |> Spec.set "train.optimizer" "{ type: sgd, lr: 0.05 }"
        |> Spec.set "models.sumfirst.train.optimizer.lr" "0.01"
        |> Spec.set "models.standard.layers.conv1.out" "4"
    Assert.Equal((4, "Adam", 0.001), (spec.Train.Epochs, string spec.Train.Optimizer.Kind, spec.Train.Optimizer.Lr))
    Assert.Equal((2, "Sgd", 0.05), (changed.Train.Epochs, string changed.Train.Optimizer.Kind, changed.Train.Optimizer.Lr))
    let own = (changed.Models |> Seq.find (fun m -> m.Name = "sumfirst")).Train
    Assert.Equal((2, 0.01), (own.Epochs, own.Optimizer.Lr))                                          // the rest inherited
    let plan = Experiment.plan changed |> ok
    Assert.Equal<int list>([ 4; 32; 32 ], (Plan.model "standard" plan).Layers[0].Output)
    Assert.Equal<int list>([ 4; 32; 32 ], (Plan.model "sumfirst" plan).Layers[0].Output)             // it extends standard

    let typo = spec |> Spec.trySet "train.epoch" "2" |> errors |> Assert.Single
    Assert.Equal((Some { File = "--set"; Line = 1; Column = 13 }, Some "did you mean `epochs`?"), (typo.Location, typo.Hint))
    Assert.Contains("    1 | --set train.epoch=2\n      |             ^", typo.Text)
    let wrong = spec |> Spec.trySet "train.epochs" "two" |> errors |> Assert.Single
    Assert.Equal(Some 20, wrong.Location |> Option.map _.Column)                                      // at the value
    Assert.Contains("whole number", wrong.Message)
    let low = spec |> Spec.trySet "train.epochs" "0" |> errors |> Assert.Single
    Assert.Equal("out-of-range", low.Code)
    let thrown = Assert.Throws<InvalidSpecException>(fun () -> spec |> Spec.set "models.nope.train.epochs" "1" |> ignore)
    Assert.Contains("model `nope`, which is not defined", thrown.Message)

[<Fact>]
let ``Helpers change epochs, seeds, learning rate and data, and edits that name no model throw`` () =
    let spec = quickstart () |> Spec.epochs 1 |> Spec.seeds [ 0; 1; 2 ] |> Spec.learningRate 0.01 |> Spec.dataLimit (Some 100)
    Assert.Equal((1, 0.01, 100), (spec.Train.Epochs, spec.Train.Optimizer.Lr, spec.Data.Limit.Value))
    Assert.Equal<int list>([ 0; 1; 2 ], List.ofSeq spec.RunSeeds)
    Assert.Equal<string list>([ "conv2d"; "relu"; "conv2d" ], Spec.layers "sumfirst" spec |> List.take 3 |> List.map _.Kind)
    let gray = spec |> Spec.derive "gray" "standard" |> Spec.input "gray" [ Transform.grayscale ]
    Assert.Equal<string list>([ "standard"; "sumfirst"; "gray" ], Spec.models gray)
    Assert.Throws<ArgumentException>(fun () -> spec |> Spec.insert "nope" 0 Layer.relu |> ignore) |> ignore
    Assert.Contains("`train.epochs` must be within [1, 1000000]", Assert.Throws<ArgumentOutOfRangeException>(fun () -> Spec.epochs 0 spec |> ignore).Message)
